// The Tasks contract's message is called Task (khcn.tasks.v1.Task); in code "Task" means .NET's.
global using Task = System.Threading.Tasks.Task;
