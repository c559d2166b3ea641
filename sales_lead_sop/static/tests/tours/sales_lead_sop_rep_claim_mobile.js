/** @odoo-module **/
import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("sales_lead_sop_rep_claim_mobile", {
    steps: () => [
        {
            content: "The public pool shows the customer as a kanban card with a Claim button",
            trigger: ".o_kanban_record:contains('Tour Public Co') button.o_sop_claim",
            run: "click",
        },
        {
            content: "The rep is told the customer is now theirs",
            trigger: ".o_notification:contains('added to your private pool')",
        },
        {
            content: "The customer has left the public pool",
            trigger: ".o_kanban_view:not(:has(.o_kanban_record:contains('Tour Public Co')))",
        },
    ],
});
