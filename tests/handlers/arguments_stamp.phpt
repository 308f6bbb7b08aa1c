--TEST--
HandlerArgumentsStamp passes additional arguments to the handler
--EXTENSIONS--
messenger
--FILE--
<?php
final class Job {}
$m = new Messenger\Messenger(['handlers' => [Job::class => function (Job $j, ...$rest) { return json_encode($rest); }]]);
echo $m->dispatch(new Job, [new Messenger\Stamp\HandlerArgumentsStamp([1, 'two', [3]])])->last(Messenger\Stamp\HandledStamp::class)->getResult(), "\n";
?>
--EXPECT--
[1,"two",[3]]
