/** @odoo-module **/
import { registry } from "@web/core/registry";
import { user } from "@web/core/user";
import { clickFormButton, pick } from "./sales_lead_sop_manager_tour_utils";

// A team manager hands over the customers of a leaving rep (离职交接): picks the rep and the
// receiver, previews the handover list, confirms.
const zh = () => user.lang.startsWith("zh");

registry.category("web_tour.tours").add("sales_lead_sop_manager_handover", {
    steps: () => [
        {
            content: "Handovers open in the manager's language",
            trigger: zh()
                ? ".o_main_navbar:contains('交接'), .o_control_panel .o_breadcrumb:contains('交接')"
                : ".o_main_navbar:contains('Handovers'), .o_control_panel .o_breadcrumb:contains('Handovers')",
        },
        {
            content: "New handover",
            trigger: ".o_control_panel .o_list_button_add, .o_control_panel .o-kanban-button-new",
            run: "click",
        },
        ...pick(".o_form_view", "from_user_id", "Tour Rep Leaving"),
        ...pick(".o_form_view", "receiver_ids", "Tour Rep Bo"),
        clickFormButton("action_preview", "Preview the handover list"),
        {
            content: "The list shows both customers of the leaving rep",
            trigger:
                ".o_field_widget[name='line_ids']:contains('Tour Leaver Trading 1'):contains('Tour Leaver Trading 2')",
        },
        clickFormButton("action_confirm", "Confirm the handover"),
        {
            content: "Confirm the move",
            trigger: ".modal-footer .btn-primary",
            run: "click",
        },
        {
            content: "The handover is done",
            trigger: ".o_field_widget[name='state'] .o_arrow_button_current[data-value='done']",
        },
    ],
});
