/** @odoo-module **/
import { utils as uiUtils } from "@web/core/ui/ui_service";

/**
 * Steps that pick `text` in the many2one `field` of the form in `scope` (".o_form_view" or
 * ".modal"): on a phone the field opens a search dialog, on a desktop an autocomplete list.
 */
export function pickMany2one(scope, field, text) {
    const input = `${scope} .o_field_widget[name='${field}'] input`;
    if (uiUtils.isSmall()) {
        return [
            { content: `Open the ${field} search`, trigger: input, run: "click" },
            {
                content: `Pick ${text}`,
                trigger: `.modal .o_data_row:contains('${text}') .o_data_cell, .modal .o_kanban_record:contains('${text}')`,
                run: "click",
            },
        ];
    }
    return [
        { content: `Type ${text} in ${field}`, trigger: input, run: `edit ${text}` },
        {
            content: `Pick ${text}`,
            trigger: `.o-autocomplete--dropdown-menu .o-autocomplete--dropdown-item a:contains('${text}')`,
            run: "click",
        },
    ];
}

/** Steps that accept the confirmation dialog a button asks before it acts. */
export function confirmDialog(content) {
    return [
        {
            content,
            trigger: ".modal .modal-footer .btn-primary",
            run: "click",
        },
        {
            content: "The confirmation closes",
            trigger: "body:not(:has(.modal))",
        },
    ];
}
