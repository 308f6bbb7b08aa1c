--TEST--
Handler lookup is cached per class and stays right across many dispatches and classes
--EXTENSIONS--
messenger
--FILE--
<?php
interface Tagged {}
final class A implements Tagged {}
final class B implements Tagged {}
final class C {}
$count = ['tagged' => 0, 'a' => 0, 'star' => 0];
$m = new Messenger\Messenger(['handlers' => [
    Tagged::class => function () use (&$count) { $count['tagged']++; },
    A::class => function () use (&$count) { $count['a']++; },
    '*' => function () use (&$count) { $count['star']++; },
]]);
for ($i = 0; $i < 1000; $i++) { $m->dispatch(new A); $m->dispatch(new B); $m->dispatch(new C); }
print_r($count);
?>
--EXPECT--
Array
(
    [tagged] => 2000
    [a] => 1000
    [star] => 3000
)
