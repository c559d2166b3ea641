/** @odoo-module **/
import { registry } from "@web/core/registry";

// Check before entry by trade-name keyword (撞单查询 by 字号): two characters of the trade name
// list every customer whose company-name key contains them: the public one to claim, another
// rep's with its owner only.
registry.category("web_tour.tours").add("sales_lead_sop_duplicate_keyword", {
    steps: () => [
        {
            content: "Type only two characters of the trade name",
            trigger: ".o_form_view .o_field_widget[name='keyword'] input",
            run: "edit 鹭拓",
        },
        {
            content: "Check",
            trigger: "button.o_sop_duplicate_run",
            run: "click",
        },
        {
            content: "The public customer whose key holds the keyword can be claimed",
            trigger: ".o_field_widget[name='line_ids'] .o_sop_claim_match",
        },
        {
            content: "Another rep's customer is shown with its owner only",
            trigger: ".o_field_widget[name='line_ids'] :contains('Tour Keyword Owner')",
        },
        {
            content: "and never with its name",
            trigger: ".o_field_widget[name='line_ids']:not(:contains('苏州鹭拓精密电子有限公司'))",
        },
    ],
});
