from . import duplicate_keys
from . import module_loading
from . import rpc_input
