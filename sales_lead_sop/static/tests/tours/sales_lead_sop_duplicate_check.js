/** @odoo-module **/
import { registry } from "@web/core/registry";
import { confirmDialog } from "./sop_tour_utils";

// Check before entry (撞单查询) with numbers written as they are dialled in China (no +86): the
// phone country setting reads them, and the matches are found.
registry.category("web_tour.tours").add("sales_lead_sop_duplicate_check", {
    steps: () => [
        {
            content: "Type a local Shanghai number",
            trigger: ".o_form_view .o_field_widget[name='phone'] input",
            run: "edit 021 5555 0199",
        },
        {
            content: "and a local mobile number",
            trigger: ".o_form_view .o_field_widget[name='mobile'] input",
            run: "edit 138 0000 0000",
        },
        {
            content: "Check them",
            trigger: "button.o_sop_duplicate_run",
            run: "click",
        },
        {
            content: "Another rep's customer with that mobile is shown with its owner only",
            trigger: ".o_field_widget[name='line_ids'] :contains('Tour Owner Rep')",
        },
        {
            content: "The public customer with that phone can be claimed",
            trigger: ".o_field_widget[name='line_ids'] .o_sop_claim_match",
            run: "click",
        },
        ...confirmDialog("Confirm the claim"),
        {
            content: "A notification names the claimed customer",
            trigger: ".o_notification:contains('上海澄明光电科技有限公司')",
        },
        {
            content: "The claimed customer opens",
            trigger: ".o_form_view .o_field_widget[name='name'] input:value(上海澄明光电科技有限公司)",
        },
    ],
});
