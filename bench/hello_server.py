"""The ceiling's server: the hello app on the same uvicorn setup as `manage.py serve`.

python bench/hello_server.py PORT WORKERS
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from cityhall.core import serving

if __name__ == "__main__":
    port, workers = int(sys.argv[1]), int(sys.argv[2])
    serving.run(
        "bench.hello_asgi:app", host="127.0.0.1", port=port, workers=workers, log_level="warning", access_log=False
    )
