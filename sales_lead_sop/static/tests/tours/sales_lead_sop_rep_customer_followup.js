/** @odoo-module **/
import { registry } from "@web/core/registry";
import { user } from "@web/core/user";

// A rep logs a follow-up (跟进) on their customer from its form: the button is in the header at
// every size, and the customer's card then shows the date of the last contact.
const zh = () => user.lang.startsWith("zh");

registry.category("web_tour.tours").add("sales_lead_sop_rep_customer_followup", {
    steps: () => [
        {
            content: "My Customers opens in the rep's language",
            trigger: zh()
                ? ".o_main_navbar:contains('客户'), .o_control_panel .o_breadcrumb:contains('客户')"
                : ".o_main_navbar:contains('Customers'), .o_control_panel .o_breadcrumb:contains('Customers')",
        },
        {
            content: "The card shows no contact yet and the days until it is recycled",
            trigger:
                ".o_kanban_record:contains('Tour Followup Co'):has(.fa-phone):has(.text-warning)" +
                ":has(.o_field_widget[name='sop_recycle_date'])",
        },
        {
            content: "Open the customer",
            trigger: ".o_kanban_record:contains('Tour Followup Co')",
            run: "click",
        },
        {
            content: "Log Follow-up and Release are buttons of the header (not hidden in a menu)",
            trigger:
                ".o_form_view .o_form_statusbar:has(button[name='action_sop_release']) " +
                "button[name='action_sop_log_followup']",
            run: "click",
        },
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
            content: "The dialog closes on the customer",
            trigger: "body:not(:has(.modal)) .o_form_view button[name='action_sop_log_followup']",
        },
        {
            content: "Back to My Customers",
            trigger: ".o_back_button",
            run: "click",
        },
        {
            content: "The card now shows the date of the last contact",
            trigger:
                ".o_kanban_record:contains('Tour Followup Co'):not(:has(.text-warning)) " +
                ".o_field_widget[name='sop_last_contact_date']",
        },
    ],
});
