/** @odoo-module **/
import { registry } from "@web/core/registry";
import { utils as uiUtils } from "@web/core/ui/ui_service";
import { user } from "@web/core/user";

// Sales support lands on the pending claim requests, approves one and refuses another with a
// reason. The decision buttons must be on screen without the gear menu, on a phone too.
const zh = () => user.lang.startsWith("zh");

// On a phone Odoo moves header buttons into the gear menu; the sheet repeats them there.
const decisionButton = (name) => `.o_form_view button[name='${name}']:visible`;

function openRequest(customer) {
    return [
        {
            content: `Open the request for ${customer}`,
            trigger: `.o_list_view .o_data_row:contains('${customer}') .o_data_cell`,
            run: "click",
        },
        {
            content: "The request's form",
            trigger: `.o_form_view .o_field_widget[name='partner_id']:contains('${customer}')`,
        },
        {
            content: "Approve is on screen, no menu to open",
            trigger: decisionButton("action_approve"),
        },
        {
            content: "Refuse is on screen too",
            trigger: decisionButton("action_refuse"),
        },
    ];
}

registry.category("web_tour.tours").add("sales_lead_sop_support_claim_requests", {
    steps: () => [
        {
            content: "Support's home is the claim-request queue, in their language",
            trigger: zh()
                ? ".o_main_navbar:contains('挑入申请'), .o_control_panel .o_breadcrumb:contains('挑入申请')"
                : ".o_main_navbar:contains('Claim Requests'), .o_control_panel .o_breadcrumb:contains('Claim Requests')",
        },
        {
            content: "Only pending requests are listed",
            trigger:
                ".o_list_view:has(.o_data_row:contains('Tour Approve Co')):has(.o_data_row:contains('Tour Refuse Co'))" +
                ":not(:has(.o_data_row:contains('Tour Decided Co')))",
        },
        ...openRequest("Tour Approve Co"),
        {
            content: "Approve",
            trigger: decisionButton("action_approve"),
            run: "click",
        },
        {
            content: "Approved: the buttons are gone",
            trigger: ".o_form_view .o_statusbar_status .o_arrow_button_current[data-value='approved']",
        },
        {
            content: "No decision left on a decided request",
            trigger: ".o_form_view:not(:has(button[name='action_approve']))",
        },
        {
            content: "Back to the queue",
            trigger: ".o_back_button",
            run: "click",
        },
        ...openRequest("Tour Refuse Co"),
        {
            content: "Say why it is refused",
            trigger: ".o_form_view .o_field_widget[name='refuse_reason'] textarea",
            run: "edit No record of any contact",
        },
        {
            content: "Refuse",
            trigger: decisionButton("action_refuse"),
            run: "click",
        },
        {
            content: "Refused",
            trigger: ".o_form_view .o_statusbar_status .o_arrow_button_current[data-value='refused']",
        },
        {
            content: "The reason stays on the request, read-only",
            trigger: ".o_form_view .o_field_widget[name='refuse_reason']:not(:has(textarea)):contains('No record of any contact')",
        },
    ],
});
