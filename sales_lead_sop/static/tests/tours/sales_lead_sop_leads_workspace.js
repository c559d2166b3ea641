/** @odoo-module **/
import { registry } from "@web/core/registry";
import { utils as uiUtils } from "@web/core/ui/ui_service";
import { user } from "@web/core/user";

// The leads workspace (issue 15), as the role concerned and in the user's language:
// a rep opens My Leads from the menu, sees a lead's deadline, processes it (follow-up, valid)
// and converts it with the SOP's convert; a manager assigns an inquiry waiting in a lead pool.
// Selectors never rely on English text; each control the flow needs is a step that fails when
// it is missing.
const zh = () => user.lang.startsWith("zh");

/** Open a menu of the CRM app: the burger sidebar on a phone, the section dropdown on a desktop. */
function openMenu(section, item) {
    if (uiUtils.isSmall()) {
        return [
            {
                content: "Open the app menu",
                trigger: ".o_main_navbar .o_menu_toggle",
                run: "click",
            },
            {
                content: `Menu ${item}`,
                trigger: `.o_app_menu_sidebar li[data-menu-xmlid='sales_lead_sop.${item}']`,
                run: "click",
            },
        ];
    }
    return [
        {
            content: `Menu section ${section}`,
            trigger: `.o_menu_sections button[data-menu-xmlid='sales_lead_sop.${section}']`,
            run: "click",
        },
        {
            content: `Menu ${item}`,
            trigger: `.o-dropdown--menu .dropdown-item[data-menu-xmlid='sales_lead_sop.${item}']`,
            run: "click",
        },
    ];
}

/** Click a form header button: in the gear menu on a phone, in the status bar on a desktop. */
function headerButton(name, container = "") {
    if (uiUtils.isSmall()) {
        return [
            {
                content: "Header buttons live in the gear menu on a phone",
                trigger: ".o_control_panel .o_cp_action_menus .dropdown-toggle",
                run: "click",
            },
            {
                content: `Button ${name}`,
                trigger: `.o-dropdown--menu${container} [name='${name}']`,
                run: "click",
            },
        ];
    }
    return [
        {
            content: `Button ${name}`,
            trigger: `.o_form_view .o_statusbar_buttons${container} button[name='${name}']`,
            run: "click",
        },
    ];
}

/** Choose `text` in a many2one/many2many field (a search dialog on a phone). */
function pick(field, text) {
    if (uiUtils.isSmall()) {
        return [
            {
                content: `Open the ${field} search`,
                trigger: `.modal .o_field_widget[name='${field}'] input`,
                run: "click",
            },
            {
                content: "Show the dialog's search bar",
                trigger: ".modal button:has(i.fa-search)",
                run: "click",
            },
            {
                content: `Search ${text}`,
                trigger: ".modal .o_searchview_input",
                run: `edit ${text} && press Enter`,
            },
            {
                content: `Pick ${text}`,
                trigger: `.modal .o_data_row:contains('${text}') .o_data_cell, .modal .o_kanban_record:contains('${text}')`,
                run: "click",
            },
        ];
    }
    return [
        {
            content: `Type ${text} in ${field}`,
            trigger: `.modal .o_field_widget[name='${field}'] input`,
            run: `edit ${text}`,
        },
        {
            content: `Pick ${text}`,
            trigger: `.o-autocomplete--dropdown-menu .o-autocomplete--dropdown-item a:contains('${text}')`,
            run: "click",
        },
    ];
}

/** The lead as a kanban card (phone) or a list row (desktop). */
function leadRecord(name) {
    return `.o_kanban_record:contains('${name}'), .o_data_row:contains('${name}')`;
}

registry.category("web_tour.tours").add("sales_lead_sop_rep_leads", {
    steps: () => [
        {
            content: "The CRM app is open",
            trigger: ".o_main_navbar",
        },
        ...openMenu("sales_lead_sop_menu_leads", "sales_lead_sop_menu_my_leads"),
        {
            content: "My Leads opens in the rep's language",
            trigger: zh()
                ? ".o_main_navbar:contains('我的线索'), .o_control_panel .o_breadcrumb:contains('我的线索')"
                : ".o_main_navbar:contains('My Leads'), .o_control_panel .o_breadcrumb:contains('My Leads')",
        },
        {
            content: "The lead shows its SOP deadline and the days left",
            trigger:
                ".o_kanban_record:contains('Tour Alibaba Inquiry') [name='sop_deadline_line'] .o_sop_days_left, " +
                ".o_data_row:contains('Tour Alibaba Inquiry') td[name='sop_deadline']:not(:empty)",
        },
        {
            content: "The overdue lead is flagged",
            trigger:
                ".o_kanban_record:contains('Tour Late Inquiry') .o_sop_overdue, " +
                ".o_data_row.text-danger:contains('Tour Late Inquiry')",
        },
        {
            content: "The nearest deadline comes first",
            trigger:
                ".o_kanban_record:contains('Tour Late Inquiry') ~ .o_kanban_record:contains('Tour Alibaba Inquiry'), " +
                ".o_data_row:contains('Tour Late Inquiry') ~ .o_data_row:contains('Tour Alibaba Inquiry')",
        },
        {
            content: "Open the lead",
            trigger:
                ".o_kanban_record:contains('Tour Alibaba Inquiry') .fw-bold.fs-5, " +
                ".o_data_row:contains('Tour Alibaba Inquiry') td[name='name']",
            run: "click",
        },
        {
            content: "The form shows the deadline",
            trigger: ".o_form_view .o_field_widget[name='sop_deadline']:not(:empty)",
        },
        ...headerButton("action_sop_log_followup"),
        {
            content: "Write what was discussed",
            trigger: ".modal .o_field_widget[name='content'] textarea",
            run: "edit Called the buyer, sent the catalogue",
        },
        {
            content: "Write the next step",
            trigger: ".modal .o_field_widget[name='next_action'] input",
            run: "edit Send the quotation",
        },
        {
            content: "Save the follow-up",
            trigger: ".modal .modal-footer .btn-primary",
            run: "click",
        },
        {
            content: "The dialog closes on the lead",
            trigger: "body:not(:has(.modal)) .o_form_view",
        },
        ...headerButton("action_sop_mark_target"),
        {
            content: "The lead is valid: its type is Target Customer",
            trigger: ".o_form_view .o_field_widget[name='sop_lead_type'] select:has(option:checked[value*='target'])",
        },
        ...headerButton("action_sop_convert", ":not(:has([name='action_sop_mark_target']))"),
        {
            content: "The convert dialog is prefilled from the lead",
            trigger: ".modal .o_field_widget[name='name'] input:value(Tour Lighting GmbH)",
        },
        {
            content: "Customer type",
            trigger: ".modal .o_field_widget[name='customer_type'] select",
            run: "selectByIndex 1",
        },
        ...pick("product_ids", "Tour Convert Panel"),
        {
            content: "Product chosen",
            trigger: ".modal .o_field_widget[name='product_ids'] .o_tag:contains('Tour Convert Panel')",
        },
        {
            content: "Convert",
            trigger: ".modal .modal-footer button[name='action_convert']",
            run: "click",
        },
        {
            content: "The opportunity opens in the SOP pipeline",
            trigger: "body:not(:has(.modal)) .o_form_view .o_statusbar_status",
        },
    ],
});

registry.category("web_tour.tours").add("sales_lead_sop_manager_assign", {
    steps: () => [
        {
            content: "The CRM app is open",
            trigger: ".o_main_navbar",
        },
        ...openMenu("sales_lead_sop_menu_leads", "sales_lead_sop_menu_team_leads"),
        {
            content: "Team Leads opens in the manager's language",
            trigger: zh()
                ? ".o_main_navbar:contains('团队线索'), .o_control_panel .o_breadcrumb:contains('团队线索')"
                : ".o_main_navbar:contains('Team Leads'), .o_control_panel .o_breadcrumb:contains('Team Leads')",
        },
        {
            content: "The inquiry waiting in the team's lead pool is listed",
            trigger: leadRecord("Tour Pool Inquiry"),
        },
        {
            content: "Open it",
            trigger:
                ".o_kanban_record:contains('Tour Pool Inquiry') .fw-bold.fs-5, " +
                ".o_data_row:contains('Tour Pool Inquiry') td[name='name']",
            run: "click",
        },
        {
            content: "It waits in its lead pool, without an owner",
            trigger:
                ".o_form_view .o_field_widget[name='sop_pool_id'] input:value(Tour Inbound Pool), " +
                ".o_form_view .o_field_widget[name='sop_pool_id']:contains('Tour Inbound Pool')",
        },
        ...headerButton("action_sop_assign_wizard"),
        ...pick("user_id", "Tour Assigned Rep"),
        {
            content: "Why",
            trigger: ".modal .o_field_widget[name='reason'] input",
            run: "edit Speaks German",
        },
        {
            content: "Assign",
            trigger: ".modal .modal-footer button[name='action_apply']",
            run: "click",
        },
        {
            content: "The lead now has its owner",
            trigger:
                "body:not(:has(.modal)) .o_form_view .o_field_widget[name='user_id'] input:value(Tour Assigned Rep), " +
                "body:not(:has(.modal)) .o_form_view .o_field_widget[name='user_id']:contains('Tour Assigned Rep')",
        },
    ],
});
