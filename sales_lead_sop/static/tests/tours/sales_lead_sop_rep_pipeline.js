/** @odoo-module **/
import { registry } from "@web/core/registry";
import { utils as uiUtils } from "@web/core/ui/ui_service";

// A rep opens their pipeline: its columns are the eight SOP stages only (not Odoo's own
// New/Qualified/Proposition/Won beside them), and the rep moves an opportunity from the first
// SOP stage to the second: by drag and drop on a desktop, by the form's status bar on a phone
// (Odoo's kanban has no drag and drop there). On a desktop, dragging it to Won without the
// expected amount the SOP requires there shows the SOP's message, not a traceback.
// Selectors are positions and names, not labels.
const CARD = ".o_kanban_record:contains('Tour Pipeline Opportunity')";
const SOP_STAGE_COUNT = 8;

function dragTo(column) {
    return async (helpers) => {
        // drop into the body of the column, below its header
        await helpers.drag_and_drop(`.o_opportunity_kanban .o_kanban_group:eq(${column})`, {
            position: { top: 120, left: 20 },
            relative: true,
        });
    };
}

function desktopSteps() {
    return [
        {
            content: "Drag the opportunity, which has no expected amount yet, to Won (the last SOP stage)",
            trigger: `.o_opportunity_kanban .o_kanban_group:eq(0) ${CARD}`,
            run: dragTo(SOP_STAGE_COUNT - 1),
        },
        {
            content: "Won is refused with the SOP's message, not a traceback",
            // the message names the opportunity (data, not a label)
            trigger: ".modal:not(:has(.modal-body .btn-link)) .modal-body p.text-prewrap:contains('Tour Pipeline Opportunity')",
        },
        {
            content: "Close the message",
            trigger: ".modal .modal-footer .o-default-button",
            run: "click",
        },
        {
            content: "Drag the opportunity to the second SOP stage",
            trigger: `.o_opportunity_kanban .o_kanban_group:eq(0) ${CARD}`,
            run: dragTo(1),
        },
    ];
}

function phoneSteps() {
    return [
        {
            content: "Open the opportunity",
            trigger: `.o_opportunity_kanban .o_kanban_group:eq(0) ${CARD}`,
            run: "click",
        },
        {
            // the status bar lists stages in reverse order (CSS shows them the right way round):
            // the button just before the current one is the next stage
            content: "Move it to the next SOP stage",
            trigger: ".o_form_view .o_statusbar_status button.o_arrow_button:has(+ button.o_arrow_button_current)",
            run: "click",
        },
        {
            content: "The stage is saved",
            trigger: ".o_form_view .o_form_saved",
        },
        {
            content: "Back to the pipeline",
            trigger: ".o_back_button",
            run: "click",
        },
    ];
}

registry.category("web_tour.tours").add("sales_lead_sop_rep_pipeline", {
    steps: () => [
        {
            content: "The pipeline shows the rep's opportunity in the first SOP stage",
            trigger: `.o_opportunity_kanban .o_kanban_group:eq(0) ${CARD}`,
        },
        {
            content: "Its columns are the SOP stages only",
            trigger: `.o_opportunity_kanban .o_kanban_group:eq(${SOP_STAGE_COUNT - 1})`,
            run() {
                const count = document.querySelectorAll(".o_opportunity_kanban .o_kanban_group").length;
                if (count !== SOP_STAGE_COUNT) {
                    throw new Error(`The pipeline shows ${count} columns, not the ${SOP_STAGE_COUNT} SOP stages`);
                }
            },
        },
        ...(uiUtils.isSmall() ? phoneSteps() : desktopSteps()),
        {
            content: "The opportunity is in the second SOP stage",
            trigger: `.o_opportunity_kanban .o_kanban_group:eq(1) ${CARD}`,
        },
    ],
});
