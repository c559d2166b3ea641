/** @odoo-module **/
import { registry } from "@web/core/registry";
import { pickMany2one } from "./sop_tour_utils";

// A rep releases (放弃) one of their customers to the public pool, with a reason, from its form.
registry.category("web_tour.tours").add("sales_lead_sop_rep_release", {
    steps: () => [
        {
            content: "Open the customer to release",
            trigger: ".o_kanban_record:contains('Tour Mine Co')",
            run: "click",
        },
        {
            content: "Release is a button of the header (not hidden in a menu)",
            trigger: ".o_form_view .o_form_statusbar button[name='action_sop_release']",
            run: "click",
        },
        ...pickMany2one(".o_form_view", "reason_id", "Tour Reason Bought Elsewhere"),
        {
            content: "Say more",
            trigger: ".o_form_view .o_field_widget[name='note'] input",
            run: "edit Buys from a distributor now",
        },
        {
            content: "Release it",
            trigger: ".o_form_view .o_form_statusbar button[name='action_release']",
            run: "click",
        },
        {
            content: "A notification names the released customer",
            trigger: ".o_notification:contains('Tour Mine Co')",
        },
        {
            content: "My Customers opens without it",
            trigger:
                ".o_kanban_view:has(.o_kanban_record:contains('Tour Keep Co'))" +
                ":not(:has(.o_kanban_record:contains('Tour Mine Co')))",
        },
    ],
});
