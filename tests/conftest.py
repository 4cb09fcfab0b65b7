import sys
from pathlib import Path

# Shared test helpers (strategies.py) import as a top-level module.
sys.path.insert(0, str(Path(__file__).parent))
