/** @odoo-module **/
import { registry } from "@web/core/registry";
import { user } from "@web/core/user";
import { pick } from "./sales_lead_sop_manager_tour_utils";

// A team manager assigns a public-pool customer (公海) to a rep of the team (分配), from the
// customer's card: the Assign button is on the card, beside Claim, on a phone and a desktop.
const zh = () => user.lang.startsWith("zh");

registry.category("web_tour.tours").add("sales_lead_sop_manager_pool_assign", {
    steps: () => [
        {
            content: "The public pool opens in the manager's language",
            trigger: zh()
                ? ".o_main_navbar:contains('公海'), .o_control_panel .o_breadcrumb:contains('公海')"
                : ".o_main_navbar:contains('Public Pool'), .o_control_panel .o_breadcrumb:contains('Public Pool')",
        },
        {
            content: "The manager's Assign button is on the customer's card",
            trigger: ".o_kanban_record:contains('Tour Public Pool Trading') button.o_sop_assign",
            run: "click",
        },
        {
            content: "The wizard names the customer",
            trigger: ".modal .o_field_widget[name='customer_ids']:contains('Tour Public Pool Trading')",
        },
        ...pick(".modal", "user_id", "Tour Rep Ann"),
        {
            content: "Assign",
            trigger: ".modal:has(.o_field_widget[name='user_id']:contains('Tour Rep Ann'), .o_field_widget[name='user_id'] input:value('Tour Rep Ann')) button[name='action_assign']",
            run: "click",
        },
        {
            content: "The customer has left the public pool",
            trigger: ".o_kanban_view:not(:has(.o_kanban_record:contains('Tour Public Pool Trading')))",
        },
    ],
});
