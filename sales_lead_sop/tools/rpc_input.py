from datetime import date

from odoo.exceptions import UserError


def check_rpc_vals(model, vals):
    """Check values sent to `create`/`write` of `model` before anything uses them.

    A JSON-RPC client may send any JSON value for any field; the ORM would fail on some of them
    deep inside (a psycopg2 or ValueError traceback). Each value is converted the way the ORM
    converts it (`convert_to_cache`), and NUL characters, which PostgreSQL refuses, are refused.

    :raise UserError: naming the field whose value is wrong
    """
    if not isinstance(vals, dict):
        raise UserError(model.env._("Values must be given as a dictionary of fields."))
    record = model.browse()
    for name, value in vals.items():
        field = model._fields.get(name) if isinstance(name, str) else None
        if field is None:
            raise UserError(
                model.env._("%(model)s has no field %(field)s.", model=model._description, field=name)
            )
        if field.required and value in (None, False, ""):
            raise UserError(model.env._("%(field)s is required.", field=field.string))
        try:
            if _has_nul(value) or not _json_type_fits(field, value):
                raise ValueError(name)
            if field.type not in ("one2many", "many2many"):
                field.convert_to_cache(value, record)
        except (ValueError, TypeError, KeyError, IndexError, AttributeError) as error:
            raise UserError(
                model.env._("%(field)s: %(value)r is not a valid value.", field=field.string, value=value)
            ) from error


def _has_nul(value):
    if isinstance(value, str):
        return "\x00" in value
    if isinstance(value, (list, tuple)):
        return any(_has_nul(item) for item in value)
    if isinstance(value, dict):
        return any(_has_nul(key) or _has_nul(item) for key, item in value.items())
    return False


# the JSON types a field takes over RPC, and the Python types server code passes (false/null means
# "no value"); the ORM's own conversion then checks the value itself (a selection key, a date's format)
JSON_TYPES = {
    "char": (str,),
    "text": (str,),
    "html": (str,),
    "selection": (str, int),
    "date": (str, date),  # server-side callers pass date and datetime objects
    "datetime": (str, date),
    "many2one": (int,),
    "integer": (int,),
    "float": (int, float),
    "monetary": (int, float),
    "boolean": (bool, int),
    "one2many": (list,),
    "many2many": (list,),
}


def _json_type_fits(field, value):
    if value is None or value is False:
        return True
    types = JSON_TYPES.get(field.type)
    if types is None:
        return True  # other field types (binary, json, properties, reference): the ORM decides
    if isinstance(value, bool) and bool not in types:
        return False  # True is an int in Python, not an id or a number here
    return isinstance(value, types)
