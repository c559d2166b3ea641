/** @odoo-module **/
import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("sales_lead_sop_rep_mobile_crm", {
    steps: () => [
        {
            content: "The pipeline shows the rep's opportunity as a kanban card",
            trigger: ".o_kanban_record:contains('SOP tour opportunity')",
            run: "click",
        },
        {
            content: "The opportunity form opens",
            trigger: ".o_form_view .o_field_widget[name='name'] textarea:value(SOP tour opportunity)",
        },
    ],
});
