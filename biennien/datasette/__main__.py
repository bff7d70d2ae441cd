"""python -m biennien.datasette NAME.db > metadata.json: the metadata for a store of another name."""
import json
import sys
from pathlib import Path

from . import metadata

print(json.dumps(metadata(Path(sys.argv[1]).stem if len(sys.argv) > 1 else "kb"), ensure_ascii=False, indent=1))
