"""Exits 0 when every requirement in the given file is installed at a matching version, else 1."""
import sys
from importlib import metadata

from packaging.requirements import Requirement

missing = []
for line in open(sys.argv[1]):
    line = line.split("#")[0].strip()
    if not line:
        continue
    requirement = Requirement(line)
    try:
        if not requirement.specifier.contains(metadata.version(requirement.name), prereleases=True):
            missing.append(line)
    except metadata.PackageNotFoundError:
        missing.append(line)
if missing:
    print("missing Python packages: " + ", ".join(missing), file=sys.stderr)
    sys.exit(1)
