/** @odoo-module **/
import { registry } from "@web/core/registry";
import { confirmDialog } from "./sop_tour_utils";

// A rep claims (挑入) a public-pool customer: the claim asks first, then a notification names
// the customer and the places left in the rep's private pool (capacity 50 in the test).
registry.category("web_tour.tours").add("sales_lead_sop_rep_claim", {
    steps: () => [
        {
            content: "The public pool shows the customer as a card with a Claim button",
            trigger: ".o_kanban_record:contains('Tour Public Co'):has(button.o_sop_claim)",
        },
        {
            content: "Open the public customer",
            trigger: ".o_kanban_record:contains('Tour Public Co') .fw-bold",
            run: "click",
        },
        {
            content: "Only the claim-decision fields are shown: no phone, no email, no chatter",
            trigger:
                ".o_form_view:contains('Tour Public Co'):contains('Tour Product')" +
                ":not(:has(.o_field_widget[name=phone])):not(:has(.o_field_widget[name=email]))" +
                ":not(:has(.o-mail-Chatter)):not(:contains('+86 21 5555 0199')):not(:contains('buyer@tour.example'))",
        },
        {
            content: "Claim is a button of the header (not hidden in a menu)",
            trigger: ".o_form_view .o_form_statusbar button[name='action_sop_claim']",
            run: "click",
        },
        ...confirmDialog("Confirm the claim"),
        {
            content: "A notification names the customer and the places left (50 - 2)",
            trigger: ".o_notification:contains('Tour Public Co'):contains('48')",
        },
        {
            content: "Now the rep owns it and sees its phone",
            trigger:
                ".o_form_view .o_field_widget[name=phone]:contains('+86 21 5555 0199'), " +
                ".o_form_view .o_field_widget[name=phone] input:value('+86 21 5555 0199')",
        },
        {
            content: "and its email",
            trigger:
                ".o_form_view .o_field_widget[name=email]:contains('buyer@tour.example'), " +
                ".o_form_view .o_field_widget[name=email] input:value('buyer@tour.example')",
        },
    ],
});
