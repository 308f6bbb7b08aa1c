--TEST--
bin/console for a newcomer: --config in help and refused without a value, a config file returning nothing, Symfony's abbreviations (m:stats, messenger:stat), "Did you mean" and ambiguous names, failed:show -vv shows the message, long class names keep the table aligned, stats with one transport down shows the others and marks it
--EXTENSIONS--
messenger
pdo_sqlite
--FILE--
<?php
preg_match('#\S+/messenger\.so#', file_get_contents('/proc/self/maps'), $so);
$console = realpath(__DIR__ . '/../../bin/console');
$dir = sys_get_temp_dir() . '/messenger-newcomer-' . getmypid();
@mkdir("$dir/config", 0777, true);
file_put_contents("$dir/config/messenger.php", <<<'PHP'
<?php
namespace App\Infrastructure\Messaging\Notifications\Outbound;
final class CustomerAccountWasRegisteredNotification { public function __construct(public int $n, public string $email = 'a@example.org') {} }
return [
    'transports' => [
        'async' => ['dsn' => 'doctrine://default', 'retry_strategy' => ['max_retries' => 0]],
        'failed' => 'doctrine://default?queue_name=failed',
        // nothing listens there: counting its messages fails
        'down' => 'redis://127.0.0.1:1/messages',
    ],
    'failure_transport' => 'failed',
    'routing' => [CustomerAccountWasRegisteredNotification::class => 'async'],
    'handlers' => [CustomerAccountWasRegisteredNotification::class => fn() => throw new \RuntimeException('mail server said no')],
];
PHP);
// no return statement; and a variable named as bin/console's own: the file runs in a scope of its own
file_put_contents("$dir/config/empty.php", "<?php\n\$config = ['transports' => []];\n");
$php = [PHP_BINARY, '-n', '-d', 'extension=pdo', '-d', 'extension=pdo_sqlite', '-d', 'extension=' . $so[0]];
$run = function (array $args) use ($php, $console, $dir) {
    $proc = proc_open(array_merge($php, [$console], $args), [0 => ['file', '/dev/null', 'r'], 1 => ['pipe', 'w'], 2 => ['pipe', 'w']], $pipes, $dir);
    $out = stream_get_contents($pipes[1]);
    $err = stream_get_contents($pipes[2]);
    $code = proc_close($proc);
    return [$code, preg_replace('/\d{4}-\d\d-\d\d \d\d:\d\d:\d\d/', 'DATE', $out), preg_replace('/\d{4}-\d\d-\d\d \d\d:\d\d:\d\d/', 'DATE', $err)];
};
$show = function (array $args) use ($run) {
    [$code, $out, $err] = $run($args);
    echo '$ ', implode(' ', $args), " -> $code\n", $out, $err === '' ? '' : "[stderr]\n$err";
};
[$code, $out] = $run(['help', 'messenger:consume']);
echo "help lists --config: ", preg_match('/^\s+--config=FILE\s+The configuration file/m', $out) ? 'yes' : "no\n$out", "\n";
$show(['messenger:stats', '--config']);
$show(['--config=', 'messenger:stats']);
$show(['--config', '--format=json', 'messenger:stats']);
$show(['--config=config/empty.php', 'list']);

echo "-- abbreviations and suggestions\n";
$show(['setup-transports', 'async']);
$show(['m:setup', 'async']);
proc_close(proc_open(array_merge($php, ['-r', '$m = Messenger\Messenger::fromFile("config/messenger.php"); foreach (range(1, 2) as $i) { $m->dispatch(new App\Infrastructure\Messaging\Notifications\Outbound\CustomerAccountWasRegisteredNotification($i)); }']), [], $pipes, $dir));
$show(['m:stats', 'async']);
$show(['messenger:stat', 'async', '--format=json']);
$show(['messenger:statz']);
$show(['m:s']);
$show(['debug:mesenger']);
$show(['frobnicate']);
$show(['help', 'm:f:sh']);

echo "-- failures\n";
[$code] = $run(['messenger:consume', 'async', '--limit=2', '-q']);
echo "consumed: $code\n";
$show(['messenger:failed:show']);
$show(['m:f:show', '3']);
$show(['messenger:failed:show', '3', '-vv']);

echo "-- one transport down\n";
$show(['messenger:stats']);
$show(['messenger:stats', '--format=json']);
$show(['messenger:stats', 'async']);
exec('rm -rf ' . escapeshellarg($dir));
?>
--EXPECT--
help lists --config: yes
$ messenger:stats --config -> 2
[stderr]
The "--config" option requires a value.
$ --config= messenger:stats -> 2
[stderr]
The "--config" option requires a value.
$ --config --format=json messenger:stats -> 2
[stderr]
The "--config" option requires a value.
$ --config=config/empty.php list -> 1
[stderr]
[ERROR] config/empty.php: Configuration file "config/empty.php" returned nothing: it must end with "return [...];" (a configuration array) or return a Messenger\Messenger
-- abbreviations and suggestions
$ setup-transports async -> 2
[stderr]
Command "setup-transports" is not defined.

Did you mean this?
    messenger:setup-transports   Prepare the required infrastructure for the transport
$ m:setup async -> 0
The "async" transport was set up successfully.
$ m:stats async -> 0
 Transport   Count 
 ---------   ----- 
 async           2 
$ messenger:stat async --format=json -> 0
{
    "transports": {
        "async": {
            "count": 2
        }
    },
    "uncountable_transports": []
}
$ messenger:statz -> 2
[stderr]
Command "messenger:statz" is not defined.

Did you mean one of these?
    messenger:stats              Show the message count for one or more transports
    messenger:consume            Consume messages
    messenger:setup-transports   Prepare the required infrastructure for the transport
    messenger:stop-workers       Stop workers after their current message
    messenger:failed:show        Show one or more messages from the failure transport
    messenger:failed:retry       Retry one or more messages from the failure transport
    messenger:failed:remove      Remove given messages from the failure transport
    messenger:dashboard          Serve the dashboard: the queues, the workers, the failed messages
$ m:s -> 2
[stderr]
Command "m:s" is ambiguous.
Did you mean one of these?
    messenger:setup-transports   Prepare the required infrastructure for the transport
    messenger:stats              Show the message count for one or more transports
    messenger:stop-workers       Stop workers after their current message
$ debug:mesenger -> 2
[stderr]
Command "debug:mesenger" is not defined.

Did you mean this?
    debug:messenger              List messages you can dispatch using the message buses
$ frobnicate -> 2
[stderr]
Command "frobnicate" is not defined.
$ help m:f:sh -> 0
Description:
  Show one or more messages from the failure transport

Usage:
  messenger:failed:show [options] [<id>]

Options:
      --max=VALUE                  Maximum number of messages to list (default 50)
      --transport=VALUE            The failure transport to use (default: the configuration's)
      --stats                      Display the message count by class
      --class-filter=VALUE         Only the messages of this class
  -h, --help                       Display help for the given command
  -q, --quiet                      Do not output any message
  -v|vv|vvv, --verbose             More output: -v one line per message
      --config=FILE                The configuration file (bin/console; default: $MESSENGER_CONFIG, else config/messenger.php)
-- failures
consumed: 0
$ messenger:failed:show -> 0
 Id  Class                                                                                         Failed at            Error
 3   App\Infrastructure\Messaging\Notifications\Outbound\CustomerAccountWasRegisteredNotification  DATE  mail server said no
 4   App\Infrastructure\Messaging\Notifications\Outbound\CustomerAccountWasRegisteredNotification  DATE  mail server said no

 2 messages in the failure transport "failed".
$ m:f:show 3 -> 0

 Id:            3
 Class:         App\Infrastructure\Messaging\Notifications\Outbound\CustomerAccountWasRegisteredNotification
 From:          async
 Failed at:     DATE
 Error:         mail server said no
 Error class:   RuntimeException
 Error code:    0
 Failures:      1

 Re-run the command with -vv to see the message.
$ messenger:failed:show 3 -vv -> 0

 Id:            3
 Class:         App\Infrastructure\Messaging\Notifications\Outbound\CustomerAccountWasRegisteredNotification
 From:          async
 Failed at:     DATE
 Error:         mail server said no
 Error class:   RuntimeException
 Error code:    0
 Failures:      1

 Message:
 App\Infrastructure\Messaging\Notifications\Outbound\CustomerAccountWasRegisteredNotification Object
 (
     [n] => 1
     [email] => a@example.org
 )

-- one transport down
$ messenger:stats -> 1
 Transport   Count 
 ---------   ----- 
 async           0 
 failed          2 
 down        ERROR 
[stderr]

 [ERROR] The "down" transport could not count its messages: Messenger\Exception\TransportException: Cannot connect to Redis at 127.0.0.1:1: Connection refused
$ messenger:stats --format=json -> 1
{
    "transports": {
        "async": {
            "count": 0
        },
        "failed": {
            "count": 2
        }
    },
    "uncountable_transports": [],
    "failing_transports": {
        "down": "Messenger\\Exception\\TransportException: Cannot connect to Redis at 127.0.0.1:1: Connection refused"
    }
}
$ messenger:stats async -> 0
 Transport   Count 
 ---------   ----- 
 async           0