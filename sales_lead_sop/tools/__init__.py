from . import duplicate_keys
from . import module_loading
