"""Runs the integrator guide's shell steps in order against a running server and compares each step's returnCodes
with the answers the guide shows after it. Used by scripts/check-guide.sh; prints one line per step."""
import re
import subprocess
import sys

guide, url, password, workdir = sys.argv[1:5]
text = open(guide, encoding="utf-8").read()
# A step's answers are the json blocks after it in the same section: a heading ends them, so the answer shapes a
# section documents (what a platform serves, what every endpoint may fail with) are not taken for a step's answers.
pieces = re.findall(r"```(sh|json)\n(.*?)```|^(#+ [^\n]*)$", text, re.S | re.M)

steps = []
answering = False
for kind, body, heading in pieces:
    if heading:
        answering = False
    elif kind == "sh":
        steps.append([body, []])
        answering = True
    elif answering:
        steps[-1][1] += re.findall(r'"returnCode":\s*"(\d+)"', body)

# The stand-in is started by the caller; the guide's own lines for it would block.
steps = [s for s in steps if "ASPNETCORE_URLS" not in s[0] and "dotnet build" not in s[0]]
setup = steps[0][0]
for line, replacement in (("URL=http://127.0.0.1:5080", f"URL={url}"), ('"password":"your password"', f'"password":"{password}"')):
    if line not in setup:
        sys.exit(f"check-guide: the guide's first step no longer sets {line!r}; update tools/guide-check")
    steps[0][0] = setup = setup.replace(line, replacement)

marker = "----- guide step done"
script = "set -u\n" + "".join(f"{body}\necho\necho '{marker}'\n" for body, _ in steps)
output = subprocess.run(["bash", "-c", script], cwd=workdir, capture_output=True, text=True, timeout=900).stdout
answers = output.split(marker)[: len(steps)]

failed = 0
for i, ((body, expected), answer) in enumerate(zip(steps, answers)):
    actual = re.findall(r'"returnCode":\s*"(\d+)"', answer)
    first = next((l.strip() for l in body.splitlines() if l.strip() and not l.startswith("#")), "")[:70]
    if actual == expected:
        print(f"ok    step {i + 1}: {first}")
    else:
        failed += 1
        print(f"FAIL  step {i + 1}: {first}\n      the guide shows returnCodes {expected}, the server answered {actual}: {answer.strip()[:400]}")
if len(answers) < len(steps):
    failed += 1
    print(f"FAIL  only {len(answers)} of {len(steps)} steps ran")
print(f"check-guide: {len(steps) - failed} of {len(steps)} steps answer as the guide shows")
sys.exit(1 if failed else 0)
