using Engine.Metadata.Model;
using Engine.Metadata.Naming;
using Google.Protobuf.Reflection;
using ProtoType = Google.Protobuf.Reflection.FieldDescriptorProto.Types.Type;

namespace Engine.Grpc.Descriptors;

/// <summary>Builds a resource's request, response and event messages and its service, exactly as SPEC §4 lists them.</summary>
internal static class ServiceMessagesBuilder
{
    /// <summary>The nested enum of the event message and its values (one enum in its scope, so no prefix needed).</summary>
    public const string EventTypeEnum = "Type";

    private static readonly string[] EventTypeValues = ["TYPE_UNSPECIFIED", "CREATED", "UPDATED", "DELETED"];

    /// <summary>The messages in file order: Get, List request and response, Create, Update, Delete, Watch, Event.</summary>
    public static IEnumerable<DescriptorProto> Messages(ResourceModel resource)
    {
        var name = resource.Name;
        var plural = resource.Plural;
        var item = ProtoFields.TypeName(ProtoNames.FullName(ProtoNames.Message(name)));
        var itemField = NameConventions.ToSnakeCase(name);

        yield return Message(ProtoNames.GetRequest(name),
            ProtoFields.Scalar("id", 1, ProtoType.String),
            ProtoFields.Message("read_mask", 2, WellKnownFiles.FieldMaskType));
        yield return Message(ProtoNames.ListRequest(plural),
            ProtoFields.Scalar("page_size", 1, ProtoType.Int32),
            ProtoFields.Scalar("page_token", 2, ProtoType.String),
            ProtoFields.Scalar("filter", 3, ProtoType.String),
            ProtoFields.Scalar("order_by", 4, ProtoType.String),
            ProtoFields.Message("read_mask", 5, WellKnownFiles.FieldMaskType));
        yield return Message(ProtoNames.ListResponse(plural),
            ProtoFields.RepeatedMessage(ProtoNames.ListResponseItems(plural), 1, item),
            ProtoFields.Scalar("next_page_token", 2, ProtoType.String),
            ProtoFields.Scalar("total_size", 3, ProtoType.Int32));
        yield return Message(ProtoNames.CreateRequest(name),
            ProtoFields.Message(itemField, 1, item));
        yield return Message(ProtoNames.UpdateRequest(name),
            ProtoFields.Message(itemField, 1, item),
            ProtoFields.Message("update_mask", 2, WellKnownFiles.FieldMaskType));
        yield return Message(ProtoNames.DeleteRequest(name),
            ProtoFields.Scalar("id", 1, ProtoType.String));
        yield return Message(ProtoNames.WatchRequest(plural),
            ProtoFields.Scalar("filter", 1, ProtoType.String));
        yield return EventMessage(name, item, itemField);
    }

    /// <summary>The service with its six methods (Watch streams events).</summary>
    public static ServiceDescriptorProto Service(ResourceModel resource)
    {
        var name = resource.Name;
        var plural = resource.Plural;
        var item = Local(ProtoNames.Message(name));
        var service = new ServiceDescriptorProto { Name = ProtoNames.Service(name) };
        service.Method.Add(Method(ProtoNames.GetMethod(name), Local(ProtoNames.GetRequest(name)), item));
        service.Method.Add(Method(ProtoNames.ListMethod(plural), Local(ProtoNames.ListRequest(plural)), Local(ProtoNames.ListResponse(plural))));
        service.Method.Add(Method(ProtoNames.CreateMethod(name), Local(ProtoNames.CreateRequest(name)), item));
        service.Method.Add(Method(ProtoNames.UpdateMethod(name), Local(ProtoNames.UpdateRequest(name)), item));
        service.Method.Add(Method(ProtoNames.DeleteMethod(name), Local(ProtoNames.DeleteRequest(name)), WellKnownFiles.EmptyType));
        var watch = Method(ProtoNames.WatchMethod(plural), Local(ProtoNames.WatchRequest(plural)), Local(ProtoNames.Event(name)));
        watch.ServerStreaming = true;
        service.Method.Add(watch);
        return service;
    }

    private static DescriptorProto EventMessage(string resource, string item, string itemField)
    {
        var name = ProtoNames.Event(resource);
        var type = new EnumDescriptorProto { Name = EventTypeEnum };
        for (var i = 0; i < EventTypeValues.Length; i++)
        {
            type.Value.Add(new EnumValueDescriptorProto { Name = EventTypeValues[i], Number = i });
        }

        var message = Message(name,
            ProtoFields.Enum("type", 1, ProtoFields.TypeName(ProtoNames.FullName(name) + "." + EventTypeEnum)),
            ProtoFields.Message(itemField, 2, item),
            ProtoFields.RepeatedScalar("updated_fields", 3, ProtoType.String));
        message.EnumType.Add(type);
        return message;
    }

    private static DescriptorProto Message(string name, params FieldDescriptorProto[] fields)
    {
        var message = new DescriptorProto { Name = name };
        message.Field.Add(fields);
        return message;
    }

    private static MethodDescriptorProto Method(string name, string input, string output) =>
        new() { Name = name, InputType = input, OutputType = output };

    private static string Local(string name) => ProtoFields.TypeName(ProtoNames.FullName(name));
}
