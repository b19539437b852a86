"""The suite's services for the Python scripts, read from their one definition: KIBAN_SERVICES in scripts/lib.sh (#19).

    import kiban_services                      # with scripts/ on sys.path
    kiban_services.services()                  # ['asset', 'maintenance', 'backup', 'lifecycle']
    kiban_services.modules()                   # ['asset-service', …]: the Maven modules, clients and workloads

lib.sh is sourced by bash for it, so the list is the one the shell scripts use; nothing here repeats it.
"""
import functools
import os
import subprocess
import sys

LIB = os.path.join(os.path.dirname(os.path.abspath(__file__)), "lib.sh")


@functools.lru_cache(maxsize=None)
def services():
    try:
        out = subprocess.run(["bash", "-c", '. "$1" && printf "%s\\n" "${KIBAN_SERVICES[@]}"', "kiban_services", LIB],
                             capture_output=True, text=True, check=True).stdout
    except (OSError, subprocess.CalledProcessError) as e:
        sys.exit(f"cannot read KIBAN_SERVICES from {LIB}: {e}")
    names = out.split()
    if not names:
        sys.exit(f"KIBAN_SERVICES in {LIB} is empty")
    return names


def modules():
    return [s + "-service" for s in services()]
