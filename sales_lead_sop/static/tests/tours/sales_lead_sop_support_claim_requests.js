/** @odoo-module **/
import { registry } from "@web/core/registry";
import { utils as uiUtils } from "@web/core/ui/ui_service";
import { user } from "@web/core/user";

// Sales support lands on the pending claim requests; of two requests for one customer the later
// waits (first come, first served: approving it is refused), the earliest is approved and its
// take window shown; another request is refused with a reason. The decision buttons must be on screen without the gear menu, on a phone too.
const zh = () => user.lang.startsWith("zh");

// On a phone Odoo moves header buttons into the gear menu; the sheet repeats them there.
const decisionButton = (name) => `.o_form_view button[name='${name}']:visible`;

// `row` narrows the rows of `customer` (a jQuery-style suffix such as ":contains('X')")
function openRequest(customer, row = "") {
    return [
        {
            content: `Open the request for ${customer}`,
            trigger: `.o_list_view .o_data_row:contains('${customer}')${row} .o_data_cell:first`,
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
        {
            content: "First come, first served: the later request for the same customer waits",
            trigger: ".o_list_view .o_data_row:contains('Tour Approve Co'):contains('Tour Asker Later') .o_field_badge",
        },
        ...openRequest("Tour Approve Co", ":contains('Tour Asker Later')"),
        {
            content: "The form says who asked first",
            trigger: ".o_form_view .o_sop_claim_queue:visible:contains('Tour Asker First')",
        },
        {
            content: "Approve the later request anyway",
            trigger: decisionButton("action_approve"),
            run: "click",
        },
        {
            content: "Refused: the earlier request decides",
            trigger: zh() ? ".modal .modal-body" : ".modal .modal-body:contains('First come, first served')",
        },
        {
            content: "Close the message",
            trigger: ".modal .modal-footer .btn-primary",
            run: "click",
        },
        {
            content: "Still pending",
            trigger: "body:not(:has(.modal)) .o_form_view .o_statusbar_status .o_arrow_button_current[data-value='pending']",
        },
        {
            content: "Back to the queue",
            trigger: ".o_back_button",
            run: "click",
        },
        // the later request names the first requester too (it waits behind them)
        ...openRequest("Tour Approve Co", ":not(:contains('Tour Asker Later'))"),
        {
            content: "The earliest request is first in line",
            trigger: ".o_form_view .o_sop_claim_first:visible",
        },
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
            content: "The rep's window to take the customer is shown",
            trigger: ".o_form_view .o_field_widget[name='take_deadline']:not(:empty)",
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
