#!/usr/bin/env bash
# The binding's areas, lowest first: each may include its own header and the areas below it,
# never one above. Each area header includes the one right below it, so a .c file that includes
# only its own area's header cannot call into a higher area without the compiler refusing
# (implicit declarations are errors). src/core never includes a PHP or Zend header.
set -eu
cd "$(dirname "$0")/.."
areas=(base bus serialization transport worker messenger console)
status=0
rank() { local i; for i in "${!areas[@]}"; do [ "${areas[$i]}" = "$1" ] && { echo "$i"; return; }; done; echo -1; }
for f in $(git ls-files 'src/php/*.c' 'src/php/*.h'); do
	area=$(echo "$f" | cut -d/ -f3)
	own=$(rank "$area")
	for inc in $(grep -oE '#include "php/[a-z_]+/' "$f" | cut -d/ -f2 | sort -u); do
		r=$(rank "$inc")
		if [ "$r" -gt "$own" ]; then
			echo "$f (area $area) includes the higher area $inc" >&2
			status=1
		fi
	done
done
bad=$(grep -rlE '#include *[<"](php|zend|ext/|main/|Zend/)' src/core || true)
if [ -n "$bad" ]; then
	echo "src/core includes a PHP or Zend header: $bad" >&2
	status=1
fi
[ $status -eq 0 ] && echo "layers: no area includes a higher one (${areas[*]}); src/core includes no PHP header"
exit $status
