def loading_module_data(env):
    """True while Odoo's loader writes module data (a module's data or demo files).

    The loader runs as the superuser and sets `install_mode`. Any client can send
    `install_mode` too, and a user's import (`load()`) sets it as well, but neither runs as
    the superuser: only the superuser flag, which no client can set, makes this true.
    """
    return bool(env.su and env.context.get("install_mode") and not env.context.get("import_file"))
