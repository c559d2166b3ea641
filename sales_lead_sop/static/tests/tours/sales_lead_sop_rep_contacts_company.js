/** @odoo-module **/
import { registry } from "@web/core/registry";
import { fillProfileAndSave } from "@sales_lead_sop/../tests/tours/sales_lead_sop_rep_create_customer";

// A rep creates a company from Odoo's Contacts app: picking "Company" brings the SOP Profile
// tab with its required fields, and the saved company is an SOP customer with its number.
registry.category("web_tour.tours").add("sales_lead_sop_rep_contacts_company", {
    steps: () => [
        {
            content: "Contacts: create",
            trigger: ".o_control_panel .o-kanban-button-new, .o_control_panel .o_list_button_add",
            run: "click",
        },
        {
            content: "Contacts start a company, with the SOP Profile tab",
            trigger: ".o_form_view .o_notebook_headers a[name='sop_profile']",
        },
        {
            content: "Pick Person",
            trigger: ".o_form_view .o_field_widget[name='company_type'] input[data-value='person']",
            run: "click",
        },
        {
            content: "A person has no SOP profile",
            trigger: ".o_form_view:not(:has(.o_notebook_headers a[name='sop_profile']))",
        },
        {
            content: "Pick Company again",
            trigger: ".o_form_view .o_field_widget[name='company_type'] input[data-value='company']",
            run: "click",
        },
        {
            content: "Company name",
            trigger: ".o_form_view .o_field_widget[name='name'] input",
            run: "edit Contacts Tour Lighting 通讯录照明有限公司",
        },
        {
            content: "The SOP Profile tab appears for a company",
            trigger: ".o_notebook_headers a[name='sop_profile']",
            run: "click",
        },
        {
            content: "Its fields are required, as on My Customers",
            trigger: ".o_form_view .o_required_modifier[name='sop_short_name']",
        },
        ...fillProfileAndSave("Contacts Tour"),
        {
            content: "Saved as an SOP customer: the customer number is drawn",
            trigger: ".o_form_view .o_field_widget[name='sop_code'] span:contains('-')",
        },
    ],
});
