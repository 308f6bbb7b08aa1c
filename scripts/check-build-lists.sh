#!/usr/bin/env bash
# config.m4 and config.w32 must build the same sources, and every tracked .c under src/ must be
# built by both.
set -eu
cd "$(dirname "$0")/.."
m4=$(grep -oE 'src/[A-Za-z0-9_/]+\.c' config.m4 | sort -u)
w32=$(grep -oE 'ADD_SOURCES\(configure_module_dirname \+ "[^"]*", "[^"]*"|EXTENSION\("messenger", "[^"]*"' config.w32 | php -r '
	foreach (explode("\n", trim(stream_get_contents(STDIN))) as $line) {
		if (preg_match("/EXTENSION\\(\"messenger\", \"([^\"]*)\"/", $line, $m)) { echo str_replace("\\\\", "/", $m[1]), "\n"; continue; }
		preg_match("/\"([^\"]*)\", \"([^\"]*)\"/", $line, $m);
		$dir = ltrim(str_replace("\\\\", "/", $m[1]), "/");
		foreach (preg_split("/\\s+/", trim($m[2])) as $f) { echo $dir, "/", $f, "\n"; }
	}' | sort -u)
tracked=$(git ls-files 'src/*.c' | sort -u)
status=0
if [ "$m4" != "$w32" ]; then
	echo "config.m4 and config.w32 build different sources:" >&2
	diff <(echo "$m4") <(echo "$w32") >&2 || true
	status=1
fi
if [ "$m4" != "$tracked" ]; then
	echo "config.m4 does not build exactly the tracked sources:" >&2
	diff <(echo "$m4") <(echo "$tracked") >&2 || true
	status=1
fi
[ $status -eq 0 ] && echo "config.m4 and config.w32 build the same $(echo "$m4" | wc -l) sources"
exit $status
