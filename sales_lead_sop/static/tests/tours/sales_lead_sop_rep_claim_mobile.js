/** @odoo-module **/
import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("sales_lead_sop_rep_claim_mobile", {
    steps: () => [
        {
            content: "The public pool shows the customer as a kanban card with a Claim button",
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
            content: "On a phone the header buttons live in the gear menu",
            trigger: ".o_control_panel .o_cp_action_menus .dropdown-toggle",
            run: "click",
        },
        {
            content: "Claim it",
            trigger: ".o-dropdown--menu [name='action_sop_claim']",
            run: "click",
        },
        {
            content: "Now the rep owns it and sees its phone and email",
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
