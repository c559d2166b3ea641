/** @odoo-module **/
import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("sales_lead_sop_duplicate_check_mobile", {
    steps: () => [
        {
            content: "The check before entry (撞单查询) opens on a phone: type the company name",
            trigger: ".o_form_view .o_field_widget[name='name'] input",
            run: "edit 澜川五金制品（宁波）有限公司",
        },
        {
            content: "Check it",
            trigger: "button.o_sop_duplicate_run",
            run: "click",
        },
        {
            content: "Another rep's customer with the same name is shown with its owner only",
            trigger: ".o_field_widget[name='line_ids'] :contains('Tour Owner Rep')",
        },
        {
            content: "The public customer with the same name can be claimed",
            trigger: ".o_field_widget[name='line_ids'] .o_sop_claim_match",
            run: "click",
        },
        {
            content: "The claimed customer opens",
            trigger: ".o_form_view .o_field_widget[name='name'] input:value(宁波澜川五金制品有限公司)",
        },
    ],
});
