import { registry } from "@web/core/registry";
import { FloatField, floatField } from "@web/views/fields/float/float_field";

/**
 * A rate of the KPI reports that shows "–" when there is nothing to measure (its denominator,
 * another field of the record named in options.denominator, is 0): an empty cell or "0 %"
 * would read as a result.
 */
export class SopRateField extends FloatField {
    static template = "sales_lead_sop.SopRateField";
    static props = { ...FloatField.props, denominator: { type: String, optional: true } };

    get sopNothingToMeasure() {
        const denominator = this.props.denominator;
        return Boolean(denominator) && !this.props.record.data[denominator];
    }
}

export const sopRateField = {
    ...floatField,
    component: SopRateField,
    extractProps: (fieldInfo, dynamicInfo) => ({
        ...floatField.extractProps(fieldInfo, dynamicInfo),
        denominator: fieldInfo.options.denominator,
    }),
};

registry.category("fields").add("sop_rate", sopRateField);
