/** @odoo-module **/
import { registry } from "@web/core/registry";
import { user } from "@web/core/user";
import { back, clickFormButton, openRecord } from "./sales_lead_sop_manager_tour_utils";

// A team manager reviews the new customers of the team (审核): approves one, rejects one with a
// reason, and approves the grade the SOP suggests for a third. Runs in the manager's language.
const zh = () => user.lang.startsWith("zh");

registry.category("web_tour.tours").add("sales_lead_sop_manager_review", {
    steps: () => [
        {
            content: "Customers to Review opens in the manager's language",
            trigger: zh()
                ? ".o_main_navbar:contains('待审核'), .o_control_panel .o_breadcrumb:contains('待审核')"
                : ".o_main_navbar:contains('Customers to Review'), .o_control_panel .o_breadcrumb:contains('Customers to Review')",
        },
        openRecord("Tour Approve Trading"),
        clickFormButton("action_sop_review_approve", "Approve the customer"),
        {
            content: "The customer is approved",
            trigger: ".o_field_widget[name='sop_review_state'] .o_arrow_button_current[data-value='approved']",
        },
        back,
        {
            content: "An approved customer leaves the list to review",
            trigger: ".o_action:not(:has(.o_data_row:contains('Tour Approve Trading'))):not(:has(.o_kanban_record:contains('Tour Approve Trading')))",
        },
        openRecord("Tour Reject Trading"),
        clickFormButton("action_sop_open_reject_wizard", "Reject the customer"),
        {
            content: "The reason is asked for",
            trigger: ".modal .o_field_widget[name='reason'] textarea",
            run: "edit Tour: no business licence",
        },
        {
            content: "Confirm the rejection",
            trigger: ".modal button[name='action_reject']",
            run: "click",
        },
        {
            content: "The customer is rejected",
            trigger: ".o_field_widget[name='sop_review_state'] .o_arrow_button_current[data-value='rejected']",
        },
        back,
        openRecord("Tour Grade Trading"),
        {
            content: "The SOP profile shows the suggested grade",
            trigger: ".o_notebook_headers a[name='sop_profile']",
            run: "click",
        },
        {
            content: "Suggested grade A (potential 5)",
            trigger: ".o_field_widget[name='sop_grade_suggested']:contains('A')",
        },
        clickFormButton("action_sop_approve_grade", "Approve the suggested grade"),
        {
            content: "The grade is set and the button is gone",
            trigger: ".o_form_view:not(:has(button[name='action_sop_approve_grade'])) .o_form_sheet",
        },
    ],
});
