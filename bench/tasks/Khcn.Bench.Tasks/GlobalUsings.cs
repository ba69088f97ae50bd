// The contract's message is called Task (khcn.tasks.v1.Task); in code "Task" means .NET's, and the message is
// written TaskMessage where a file uses it.
global using Task = System.Threading.Tasks.Task;
