/** @odoo-module **/
import { registry } from "@web/core/registry";
import { utils as uiUtils } from "@web/core/ui/ui_service";
import { user } from "@web/core/user";

// A rep creates a customer from My Customers: every field the server requires is on the form,
// the customer number is drawn on save, and a name held by another rep is refused (撞单).
// Runs in the rep's language: labels are Chinese for a zh_CN rep, selectors are not.
const zh = () => user.lang.startsWith("zh");

function pick(field, text) {
    if (uiUtils.isSmall()) {
        // On a phone a many2one opens a search dialog instead of a dropdown.
        return [
            {
                content: `Open the ${field} search`,
                trigger: `.o_form_view .o_field_widget[name='${field}'] input`,
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
            trigger: `.o_form_view .o_field_widget[name='${field}'] input`,
            run: `edit ${text}`,
        },
        {
            content: `Pick ${text}`,
            trigger: `.o-autocomplete--dropdown-menu .o-autocomplete--dropdown-item a:contains('${text}')`,
            run: "click",
        },
    ];
}

/** The required profile fields of the SOP Profile tab, then Save. */
export function fillProfileAndSave(shortName) {
    return [
        {
            content: "Short name",
            trigger: ".o_form_view .o_field_widget[name='sop_short_name'] input",
            run: `edit ${shortName}`,
        },
        {
            content: "Customer type",
            trigger: ".o_form_view .o_field_widget[name='sop_customer_type'] select",
            run: "selectByIndex 1",
        },
        ...pick("sop_source_id", "Tour Expo Source"),
        ...pick("sop_product_ids", "Tour LED Panel"),
        ...pick("sop_group_id", zh() ? "潜在客户" : "Potential"),
        {
            content: "Save",
            trigger: ".o_form_view .o_form_button_save",
            run: "click",
        },
    ];
}

registry.category("web_tour.tours").add("sales_lead_sop_rep_create_customer", {
    steps: () => [
        {
            content: "My Customers opens in the rep's language",
            trigger: zh()
                ? ".o_main_navbar:contains('客户'), .o_control_panel .o_breadcrumb:contains('客户')"
                : ".o_main_navbar:contains('Customers'), .o_control_panel .o_breadcrumb:contains('Customers')",
        },
        {
            content: "Create a customer",
            trigger: ".o_control_panel .o-kanban-button-new, .o_control_panel .o_list_button_add",
            run: "click",
        },
        {
            content: "Company name",
            trigger: ".o_form_view .o_field_widget[name='name'] input",
            run: "edit Tour Trading 途尔贸易有限公司",
        },
        {
            content: "The SOP profile is a tab of the form",
            trigger: zh()
                ? ".o_notebook_headers a[name='sop_profile']:contains('SOP 客户档案')"
                : ".o_notebook_headers a[name='sop_profile']:contains('SOP Profile')",
            run: "click",
        },
        ...fillProfileAndSave("Tour Trading"),
        {
            content: "Saved: the customer number is drawn and shown on the profile",
            trigger: ".o_form_view .o_field_widget[name='sop_code'] span:contains('-')",
        },
        {
            content: "Back to My Customers",
            trigger: ".o_back_button",
            run: "click",
        },
        {
            content: "Create another one",
            trigger: ".o_control_panel .o-kanban-button-new, .o_control_panel .o_list_button_add",
            run: "click",
        },
        {
            content: "Name of a customer another rep owns",
            trigger: ".o_form_view .o_field_widget[name='name'] input",
            run: "edit Tour Colleague Holdings Co., Ltd.",
        },
        {
            content: "Open the SOP profile",
            trigger: ".o_notebook_headers a[name='sop_profile']",
            run: "click",
        },
        ...fillProfileAndSave("Colleague"),
        {
            content: "The duplicate check refuses it and names the owner",
            trigger: ".modal:contains('Tour Colleague Rep')",
        },
        {
            content: "Close the message",
            trigger: ".modal .modal-footer .btn-primary",
            run: "click",
        },
        {
            content: "Discard the refused customer",
            trigger: ".o_form_view .o_form_button_cancel",
            run: "click",
        },
        {
            content: "The list shows the new customer",
            trigger: ".o_kanban_view:contains('Tour Trading'), .o_list_view:contains('Tour Trading')",
        },
    ],
});
