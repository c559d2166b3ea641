from . import models
from . import wizard
from . import report
from . import controllers
from .hooks import pre_init_hook
