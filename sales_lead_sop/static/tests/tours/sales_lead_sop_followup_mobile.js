/** @odoo-module **/
import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("sales_lead_sop_followup_mobile", {
    steps: () => [
        {
            content: "The lead form is open on a phone: header buttons live in the gear menu",
            trigger: ".o_form_view .o_field_widget[name='name'] textarea:value(SOP tour lead)",
        },
        {
            content: "Open the gear menu",
            trigger: ".o_control_panel .o_cp_action_menus .dropdown-toggle",
            run: "click",
        },
        {
            content: "Log a follow-up",
            trigger: ".o-dropdown--menu [name='action_sop_log_followup']",
            run: "click",
        },
        {
            content: "Write what was discussed",
            trigger: ".modal .o_field_widget[name='content'] textarea",
            run: "edit Called the buyer, sent the catalogue",
        },
        {
            content: "Write the next step",
            trigger: ".modal .o_field_widget[name='next_action'] input",
            run: "edit Send the quotation",
        },
        {
            content: "Save the follow-up",
            trigger: ".modal button:contains('Save')",
            run: "click",
        },
        {
            content: "The dialog closes on the lead",
            trigger: "body:not(:has(.modal)) .o_form_view",
        },
    ],
});
