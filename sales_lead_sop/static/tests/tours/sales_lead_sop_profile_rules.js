/** @odoo-module **/
import { registry } from "@web/core/registry";
import { utils as uiUtils } from "@web/core/ui/ui_service";
import { user } from "@web/core/user";
import { fillProfileAndSave } from "@sales_lead_sop/../tests/tours/sales_lead_sop_rep_create_customer";

// Customer-profile rules on the screen: the admin makes the fax a required profile field, a rep
// then creates a customer and the form asks for the fax; after a rep wins an opportunity, its
// customer shows the new group and the move in its chatter. Selectors are names and data, not
// labels (the tours run in English and Chinese).
const zh = () => user.lang.startsWith("zh");
// the fax row's field name is English until the Chinese terms of the field are loaded
const FAX_ROWS = ["Fax", "传真"].map((label) => `.o_data_row:has(.o_data_cell[name='field_id']:contains('${label}'))`);
/** Selector of `inner` inside the fax row of the profile-field list. */
const faxRow = (inner) => FAX_ROWS.map((row) => `${row} ${inner}`).join(", ");

registry.category("web_tour.tours").add("sales_lead_sop_admin_require_fax", {
    steps: () => [
        {
            content: "The profile fields list the fax, switched off",
            trigger: faxRow(".o_data_cell[name='active'] input:not(:checked)"),
        },
        {
            content: "Count the fax",
            trigger: faxRow(".o_data_cell[name='active'] .o_boolean_toggle"),
            run: "click",
        },
        {
            content: "Counted",
            trigger: faxRow(".o_data_cell[name='active'] input:checked"),
        },
        {
            content: "Require the fax",
            trigger: faxRow(".o_data_cell[name='required'] .o_boolean_toggle"),
            run: "click",
        },
        {
            content: "Required",
            trigger: faxRow(".o_data_cell[name='required'] input:checked"),
        },
        {
            content: "Reload the page: what the list shows now comes from the server",
            trigger: faxRow(".o_data_cell[name='required'] input:checked"),
            run: () => window.location.reload(),
        },
        {
            content: "After the reload the fax is still counted and required",
            trigger: FAX_ROWS.map((row) => `${row}:has(.o_data_cell[name='active'] input:checked) .o_data_cell[name='required'] input:checked`).join(", "),
        },
    ],
});

registry.category("web_tour.tours").add("sales_lead_sop_rep_create_with_fax", {
    steps: () => [
        {
            content: "Create a customer from My Customers",
            trigger: ".o_control_panel .o-kanban-button-new, .o_control_panel .o_list_button_add",
            run: "click",
        },
        {
            content: "Company name",
            trigger: ".o_form_view .o_field_widget[name='name'] input",
            run: "edit Tour Fax Imports 传真进出口有限公司",
        },
        {
            content: "The form marks the fax required, as the admin chose",
            trigger: ".o_form_view .o_field_widget.o_required_modifier[name='fax'] input",
            run: "edit 0512 6123 4567",
        },
        {
            content: "Open the SOP profile",
            trigger: ".o_notebook_headers a[name='sop_profile']",
            run: "click",
        },
        ...fillProfileAndSave("Tour Fax"),
        {
            content: "Saved: the customer number is drawn",
            trigger: ".o_form_view .o_field_widget[name='sop_code'] span:contains('-')",
        },
    ],
});

function openWonButton() {
    if (!uiUtils.isSmall()) {
        return [];
    }
    // on a phone the header buttons live in the gear menu
    return [
        {
            content: "Open the gear menu",
            trigger: ".o_control_panel .o_cp_action_menus .dropdown-toggle",
            run: "click",
        },
    ];
}

registry.category("web_tour.tours").add("sales_lead_sop_rep_won_group_move", {
    steps: () => [
        {
            content: "The opportunity form is open",
            trigger: ".o_form_view .o_field_widget[name='name'] textarea:value(Tour Group Move Opportunity)",
        },
        ...openWonButton(),
        {
            content: "Won",
            trigger: "button[name='action_set_won_rainbowman']",
            run: "click",
        },
        {
            content: "The opportunity is won: the form shows the Won ribbon",
            trigger: ".o_form_view .ribbon span:not(.text-bg-danger)",
        },
    ],
});

registry.category("web_tour.tours").add("sales_lead_sop_rep_customer_group_moved", {
    steps: () => [
        {
            content: "Open the SOP profile of the customer",
            trigger: ".o_notebook_headers a[name='sop_profile']",
            run: "click",
        },
        {
            content: "Its group is now First Deal",
            trigger: zh()
                ? ".o_form_view .o_field_widget[name='sop_group_id'] input:value(初次成交客户)"
                : ".o_form_view .o_field_widget[name='sop_group_id'] input:value(First Deal)",
        },
        {
            content: "The chatter says why it moved",
            trigger: zh()
                ? ".o-mail-Message-body:contains('初次成交'):contains('Tour Group Move Opportunity')"
                : ".o-mail-Message-body:contains('First Deal'):contains('Tour Group Move Opportunity')",
        },
    ],
});
