/** @odoo-module **/
import { registry } from "@web/core/registry";
import { rpc } from "@web/core/network/rpc";
import { user } from "@web/core/user";
import { utils as uiUtils } from "@web/core/ui/ui_service";

// A sales administrator of a fresh database (no team uses the SOP, no one holds an SOP role, no
// company country) follows the first steps at the top of the CRM settings: turns the SOP on for
// a team, sets the company's country, gives a salesperson the Sales Rep role and checks the mail
// aliases. Every step is opened from its link and each shows done afterwards.

const zh = () => user.lang.startsWith("zh");
const STEP = (name) => `#sop_step_${name}`;

function openSettings() {
    const steps = uiUtils.isSmall()
        ? [
              { content: "Open the app menu", trigger: ".o_main_navbar .o_menu_toggle", run: "click" },
              { content: "All apps", trigger: ".o_app_menu_sidebar .o_sidebar_topbar a.btn-primary", run: "click" },
              {
                  content: "Open Settings",
                  trigger: ".o_app_menu_sidebar .o_app[data-menu-xmlid='base.menu_administration']",
                  run: "click",
              },
          ]
        : [
              { content: "Open the apps menu", trigger: ".o_navbar_apps_menu button:enabled", run: "click" },
              {
                  content: "Open Settings",
                  trigger: ".o-dropdown--menu .o_app[data-menu-xmlid='base.menu_administration']",
                  run: "click",
              },
          ];
    return [
        ...steps,
        { content: "Settings: the CRM section", trigger: ".settings_tab .tab[data-key='crm']", run: "click" },
        { content: "The first steps come first", trigger: "#sop_step_teams" },
    ];
}

// Back from a step's screen: the CRM settings by their address, as a bookmark would (the app
// menu is reached once at the start; reopening it after each step only adds waiting).
function backToSettings() {
    return [
        {
            content: "Back to the CRM settings",
            trigger: ".o_action_manager .o_view_controller",
            run() {
                window.location.href = "/odoo/action-crm.crm_config_settings_action";
            },
        },
        { content: "Settings: the CRM section", trigger: ".settings_tab .tab[data-key='crm']", run: "click" },
        { content: "The first steps come first", trigger: "#sop_step_teams" },
    ];
}

function pickCountry(text) {
    const input = ".o_form_view .o_field_widget[name='country_id'] input";
    if (uiUtils.isSmall()) {
        return [
            { content: "Open the country search", trigger: input, run: "click" },
            { content: "Show the dialog's search bar", trigger: ".modal button:has(i.fa-search)", run: "click" },
            { content: `Search ${text}`, trigger: ".modal .o_searchview_input", run: `edit ${text} && press Enter` },
            {
                content: `Pick ${text}`,
                trigger: `.modal .o_data_row:contains('${text}') .o_data_cell, .modal .o_kanban_record:contains('${text}')`,
                run: "click",
            },
        ];
    }
    return [
        { content: `Type ${text}`, trigger: input, run: `edit ${text}` },
        {
            content: `Pick ${text}`,
            trigger: `.o-autocomplete--dropdown-menu .o-autocomplete--dropdown-item a:contains('${text}')`,
            run: "click",
        },
    ];
}

const saveForm = [
    { content: "Save", trigger: ".o_form_view .o_form_button_save", run: "click" },
    { content: "Saved", trigger: ".o_form_view .o_form_saved, .o_form_view:not(:has(.o_form_button_save:visible))" },
];

registry.category("web_tour.tours").add("sales_lead_sop_first_steps", {
    steps: () => [
        ...openSettings(),
        {
            content: "Nothing is done yet on a fresh database",
            trigger: ["teams", "country", "roles"].map((name) => `${STEP(name)} .o_sop_step_todo`).join(", "),
        },
        // 1. teams
        { content: "Choose the teams", trigger: `${STEP("teams")} button.o_sop_setup_teams`, run: "click" },
        {
            content: "Turn the SOP on for the export team",
            trigger: ".o_data_row:contains('Tour Export Team') .o_field_widget[name='sop_use_pipeline'] input:not(:checked)",
            run: "click",
        },
        {
            content: "The team uses the SOP",
            trigger: ".o_data_row:contains('Tour Export Team') .o_field_widget[name='sop_use_pipeline'] input:checked",
        },
        ...backToSettings(),
        { content: "Step 1 is done", trigger: `${STEP("teams")}:has(.o_sop_step_done)` },
        // 2. company country
        { content: "Set the company's country", trigger: `${STEP("country")} button.o_sop_setup_country`, run: "click" },
        ...pickCountry(zh() ? "中国" : "China"),
        ...saveForm,
        ...backToSettings(),
        { content: "Step 2 is done", trigger: `${STEP("country")}:has(.o_sop_step_done)` },
        // 3. roles
        { content: "Assign the roles", trigger: `${STEP("roles")} button.o_sop_setup_roles`, run: "click" },
        {
            content: "Open the salesperson",
            trigger: ".o_data_row:contains('Tour Rep') .o_data_cell, .o_kanban_record:contains('Tour Rep')",
            run: "click",
        },
        {
            // The Sales Lead SOP roles are one select when they form a chain, else one checkbox
            // per role (in_group_<id>): the group id comes from its xml id, in any language.
            content: "Give the Sales Rep role",
            trigger: ".o_form_view .o_field_widget[name^='sel_groups_'], .o_form_view .o_field_widget[name^='in_group_']",
            async run() {
                const [, repId] = await rpc("/web/dataset/call_kw/ir.model.data/check_object_reference", {
                    model: "ir.model.data",
                    method: "check_object_reference",
                    args: ["sales_lead_sop", "group_sop_rep"],
                    kwargs: {},
                });
                const checkbox = document.querySelector(`.o_field_widget[name='in_group_${repId}'] input`);
                if (checkbox) {
                    if (!checkbox.checked) {
                        checkbox.click();
                    }
                    return;
                }
                const select = [...document.querySelectorAll(".o_field_widget[name^='sel_groups_'] select")].find(
                    (el) => [...el.options].some((option) => option.value === JSON.stringify(repId))
                );
                select.value = JSON.stringify(repId);
                select.dispatchEvent(new Event("change", { bubbles: true }));
            },
        },
        ...saveForm,
        ...backToSettings(),
        { content: "Step 3 is done", trigger: `${STEP("roles")}:has(.o_sop_step_done)` },
        // 4. mail aliases
        { content: "Check the mail aliases", trigger: `${STEP("aliases")} button.o_sop_setup_aliases`, run: "click" },
        {
            content: "Both SOP aliases are listed",
            trigger: ".o_list_view:has(.o_data_row:contains('sop-alibaba')):has(.o_data_row:contains('sop-website'))",
        },
        ...backToSettings(),
        {
            content: "Every step is done",
            trigger: ["teams", "country", "roles", "aliases"].map((name) => `:has(${STEP(name)} .o_sop_step_done)`)
                .reduce((selector, part) => selector + part, ".o_setting_container"),
        },
    ],
});
