<?php
// Writes package.xml (PECL 2.0) listing every file git tracks that the tarball needs.
// With --check, writes nothing and fails when the committed package.xml lists other files.
$root = dirname(__DIR__);
$check = in_array('--check', $argv, true);
$files = array_filter(explode("\n", trim(shell_exec('git -C ' . escapeshellarg($root) . ' ls-files'))), function ($f) {
	return !preg_match('#^(\.ci/|\.gitignore|benchmarks/|scripts/|package\.xml)#', $f);
});
sort($files);
$role = function (string $f): string {
	if (preg_match('#^tests/#', $f)) return 'test';
	if (preg_match('#^(README\.md|LICENSE|examples/)#', $f)) return 'doc';
	return 'src';
};
$entries = '';
foreach ($files as $f) {
	$entries .= sprintf("   <file name=\"%s\" role=\"%s\"/>\n", htmlspecialchars($f), $role($f));
}
$date = gmdate('Y-m-d');
if ($check) {
	$old = (string) @file_get_contents("$root/package.xml");
	$listed = preg_match_all('#<file name="([^"]+)"#', $old, $m) ? $m[1] : [];
	$missing = array_diff($files, $listed);
	$extra = array_diff($listed, $files);
	foreach ($missing as $f) echo "package.xml does not list $f\n";
	foreach ($extra as $f) echo "package.xml lists $f, which git does not track\n";
	if ($missing || $extra) {
		echo "run php scripts/package-xml.php\n";
		exit(1);
	}
	echo "package.xml lists the ", count($files), " files the package needs\n";
	exit(0);
}
$xml = <<<XML
<?xml version="1.0" encoding="UTF-8"?>
<package packagerversion="1.10.13" version="2.0" xmlns="http://pear.php.net/dtd/package-2.0" xmlns:tasks="http://pear.php.net/dtd/tasks-1.0" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://pear.php.net/dtd/tasks-1.0 http://pear.php.net/dtd/tasks-1.0.xsd http://pear.php.net/dtd/package-2.0 http://pear.php.net/dtd/package-2.0.xsd">
 <name>messenger</name>
 <channel>pecl.php.net</channel>
 <summary>A native message bus for PHP, compatible with Symfony Messenger</summary>
 <description>Dispatch messages to handlers at once or through transports (database tables, Redis streams, RabbitMQ), with Symfony Messenger's names, options and wire formats, as a C extension.</description>
 <lead>
  <name>messenger authors</name>
  <user>messenger</user>
  <email>messenger@example.org</email>
  <active>yes</active>
 </lead>
 <date>$date</date>
 <version>
  <release>0.1.0</release>
  <api>0.1.0</api>
 </version>
 <stability>
  <release>alpha</release>
  <api>alpha</api>
 </stability>
 <license uri="https://opensource.org/licenses/MIT">MIT</license>
 <notes>The bus, envelopes, stamps, handlers, routing, in-memory and sync transports.</notes>
 <contents>
  <dir name="/">
$entries  </dir>
 </contents>
 <dependencies>
  <required>
   <php>
    <min>8.1.0</min>
   </php>
   <pearinstaller>
    <min>1.10.0</min>
   </pearinstaller>
  </required>
 </dependencies>
 <providesextension>messenger</providesextension>
 <extsrcrelease>
  <configureoption name="enable-messenger-dev" default="no" prompt="Build in developer mode (warnings are errors)?"/>
  <configureoption name="with-messenger-redis" default="yes" prompt="Build the Redis transport (needs hiredis and OpenSSL)?"/>
 </extsrcrelease>
</package>

XML;
file_put_contents("$root/package.xml", $xml);
echo "wrote package.xml with ", count($files), " files\n";
