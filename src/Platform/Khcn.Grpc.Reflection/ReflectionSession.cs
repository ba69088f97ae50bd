using Google.Protobuf.Reflection;
using Grpc.Core;
using Grpc.Reflection.Catalog;
using Grpc.Reflection.V1;
using RequestCase = Grpc.Reflection.V1.ServerReflectionRequest.MessageRequestOneofCase;

namespace Grpc.Reflection;

/// <summary>
/// Answers the requests of one ServerReflectionInfo stream. It remembers which files the client already
/// received on this stream so that each dependency is sent once; the requested file itself always comes
/// first in a file response, because the client needs to know which file answers its question.
/// </summary>
internal sealed class ReflectionSession(DescriptorCatalog catalog)
{
    private readonly HashSet<string> sentFiles = new(StringComparer.Ordinal);

    public ServerReflectionResponse Answer(ServerReflectionRequest request)
    {
        var response = request.MessageRequestCase switch
        {
            RequestCase.FileByFilename => FilesOrNotFound(
                catalog.FindFileByName(request.FileByFilename),
                $"File '{request.FileByFilename}' not found."),
            RequestCase.FileContainingSymbol => FilesOrNotFound(
                catalog.FindFileContainingSymbol(request.FileContainingSymbol),
                $"Symbol '{request.FileContainingSymbol}' not found."),
            RequestCase.FileContainingExtension => FilesOrNotFound(
                catalog.FindFileContainingExtension(request.FileContainingExtension.ContainingType, request.FileContainingExtension.ExtensionNumber),
                $"Extension {request.FileContainingExtension.ExtensionNumber} of '{request.FileContainingExtension.ContainingType}' not found."),
            RequestCase.AllExtensionNumbersOfType => ExtensionNumbers(request.AllExtensionNumbersOfType),
            RequestCase.ListServices => ListServices(),
            _ => Error(StatusCode.InvalidArgument, "The request sets none of the known message_request fields."),
        };

        response.ValidHost = request.Host;
        response.OriginalRequest = request;
        return response;
    }

    private ServerReflectionResponse FilesOrNotFound(FileDescriptor? file, string notFoundMessage)
    {
        if (file is null)
        {
            return Error(StatusCode.NotFound, notFoundMessage);
        }

        var files = new FileDescriptorResponse();
        var queue = new Queue<FileDescriptor>();
        queue.Enqueue(file);
        sentFiles.Add(file.Name);
        files.FileDescriptorProto.Add(file.SerializedData);

        // Breadth-first over the imports: everything needed to rebuild the file, minus what this stream sent.
        while (queue.TryDequeue(out var current))
        {
            foreach (var dependency in current.Dependencies)
            {
                if (sentFiles.Add(dependency.Name))
                {
                    files.FileDescriptorProto.Add(dependency.SerializedData);
                    queue.Enqueue(dependency);
                }
            }
        }

        return new ServerReflectionResponse { FileDescriptorResponse = files };
    }

    private ServerReflectionResponse ExtensionNumbers(string messageType)
    {
        var numbers = catalog.FindExtensionNumbers(messageType);
        if (numbers is null)
        {
            return Error(StatusCode.NotFound, $"Type '{messageType}' not found.");
        }

        var response = new ExtensionNumberResponse { BaseTypeName = messageType.TrimStart('.') };
        response.ExtensionNumber.AddRange(numbers);
        return new ServerReflectionResponse { AllExtensionNumbersResponse = response };
    }

    private ServerReflectionResponse ListServices()
    {
        var list = new ListServiceResponse();
        foreach (var name in catalog.ServiceNames)
        {
            list.Service.Add(new ServiceResponse { Name = name });
        }

        return new ServerReflectionResponse { ListServicesResponse = list };
    }

    private static ServerReflectionResponse Error(StatusCode code, string message) =>
        new() { ErrorResponse = new ErrorResponse { ErrorCode = (int)code, ErrorMessage = message } };
}
