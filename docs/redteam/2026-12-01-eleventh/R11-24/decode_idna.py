"""Prints the host names of the given files' links as a browser's address bar shows them."""
import re, sys
for path in sys.argv[1:]:
    for host in sorted(set(re.findall(r"https?://([a-z0-9.-]*xn--[a-z0-9.-]+)", open(path).read()))):
        print(f"{path}: {host} = {host.encode().decode('idna')}")
