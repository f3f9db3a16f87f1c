package io.parley.gateway.http;

import io.parley.contract.FieldError;
import io.parley.contract.ServiceError;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.Json;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.json.schema.OutputUnit;
import io.vertx.openapi.contract.MediaType;
import io.vertx.openapi.contract.OpenAPIContract;
import io.vertx.openapi.contract.Operation;
import io.vertx.openapi.validation.RequestParameter;
import io.vertx.openapi.validation.RequestUtils;
import io.vertx.openapi.validation.RequestValidator;
import io.vertx.openapi.validation.SchemaValidationException;
import io.vertx.openapi.validation.ValidatableRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The OpenAPI 3.1 document of every REST endpoint, kept as {@value #RESOURCE} and served as JSON at {@code
 * /api/openapi.json}. Loading it checks it against the OpenAPI schema, so a gateway with a broken document
 * does not start; routes it fits validate their requests against it.
 */
public final class OpenApiDocument {

  public static final String RESOURCE = "openapi/parley.yaml";

  private final String json;
  private final OpenAPIContract contract;
  private final RequestValidator validator;

  private OpenApiDocument(String json, OpenAPIContract contract, RequestValidator validator) {
    this.json = json;
    this.contract = contract;
    this.validator = validator;
  }

  public static Future<OpenApiDocument> load(Vertx vertx) {
    return vertx.fileSystem().readFile(RESOURCE)
        .compose(yaml -> vertx.executeBlocking(() -> parse(yaml)))
        .compose(document -> OpenAPIContract.from(vertx, forValidator(document.copy()))
            .map(contract -> new OpenApiDocument(document.encode(), contract,
                RequestValidator.create(vertx, contract))));
  }

  static JsonObject parse(Buffer yaml) {
    Object tree = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml.toString());
    return new JsonObject(Json.encode(tree));
  }

  /**
   * The document as vertx-openapi takes it: it knows no {@code application/problem+json} and no image types,
   * so problems are checked as the JSON they are and other bytes as octet streams; nor form bodies, which it is
   * not shown (the one route that takes one, a webhook's url, reads it itself). The document served keeps the
   * real types.
   */
  static JsonObject forValidator(JsonObject document) {
    JsonObject paths = document.getJsonObject("paths");
    JsonObject components = document.getJsonObject("components", new JsonObject());
    renameMediaTypes(components.getJsonObject("responses", new JsonObject()));
    paths.forEach(path -> ((JsonObject) path.getValue()).forEach(operation -> {
      if (operation.getValue() instanceof JsonObject op) {
        renameMediaTypes(op.getJsonObject("responses", new JsonObject()));
        JsonObject requestTypes = op.getJsonObject("requestBody", new JsonObject()).getJsonObject("content");
        if (requestTypes != null) {
          requestTypes.fieldNames().removeIf(type -> !MediaType.isMediaTypeSupported(type));
        }
      }
    }));
    return document;
  }

  private static void renameMediaTypes(JsonObject responses) {
    responses.forEach(entry -> {
      JsonObject content = ((JsonObject) entry.getValue()).getJsonObject("content");
      if (content == null) {
        return;
      }
      JsonObject renamed = new JsonObject();
      content.forEach(type -> {
        String key = type.getKey();
        String supported = MediaType.isMediaTypeSupported(key) ? key
            : key.endsWith("+json") ? "application/json" : "application/octet-stream";
        renamed.put(supported, type.getValue());
      });
      ((JsonObject) entry.getValue()).put("content", renamed);
    });
  }

  public void mount(Router router) {
    router.get("/api/openapi.json").handler(ctx -> ctx.response()
        .putHeader("Content-Type", "application/json")
        .end(json));
  }

  /**
   * A handler that lets a request through only when its parameters and JSON body fit the operation, and
   * otherwise answers {@code invalid_input} naming each misfit. Mount it after the body handler.
   */
  public Handler<RoutingContext> validates(String operationId) {
    Operation operation = contract.operation(operationId);
    if (operation == null) {
      throw new IllegalArgumentException("no operation " + operationId + " in " + RESOURCE);
    }
    return ctx -> {
      Buffer body = ctx.body() == null || ctx.body().buffer() == null ? Buffer.buffer() : ctx.body().buffer();
      RequestUtils.extract(ctx.request(), operation, () -> Future.succeededFuture(body))
          .compose(request -> validator.validate(new ReadAsJson(request), operationId))
          .onSuccess(valid -> ctx.next())
          .onFailure(failure -> Problems.send(ctx, ServiceError.invalid(misfits(failure))));
    };
  }

  /**
   * A request body checked as JSON whatever Content-Type the client sent, as {@link JsonBodies} reads it:
   * {@code curl -d '{...}'} says application/x-www-form-urlencoded.
   */
  private record ReadAsJson(ValidatableRequest request) implements ValidatableRequest {
    @Override
    public String getContentType() {
      return "application/json";
    }

    @Override
    public Map<String, RequestParameter> getCookies() {
      return request.getCookies();
    }

    @Override
    public Map<String, RequestParameter> getPathParameters() {
      return request.getPathParameters();
    }

    @Override
    public Map<String, RequestParameter> getQuery() {
      return request.getQuery();
    }

    @Override
    public Map<String, RequestParameter> getHeaders() {
      return request.getHeaders();
    }

    @Override
    public RequestParameter getBody() {
      return request.getBody();
    }
  }

  private static List<FieldError> misfits(Throwable failure) {
    List<FieldError> errors = new ArrayList<>();
    if (failure instanceof SchemaValidationException schema && schema.getOutputUnit() != null) {
      collect(schema.getOutputUnit(), errors);
    }
    if (errors.isEmpty()) {
      String message = failure.getMessage() == null ? "does not fit the API" : failure.getMessage();
      errors.add(new FieldError("request", message));
    }
    // A schema reports a value once per keyword it breaks (type, then length...); the first says it.
    java.util.Set<String> seen = new java.util.HashSet<>();
    return errors.stream().filter(error -> seen.add(error.field())).toList();
  }

  private static void collect(OutputUnit unit, List<FieldError> errors) {
    if (unit.getErrors() != null && !unit.getErrors().isEmpty()) {
      unit.getErrors().forEach(inner -> collect(inner, errors));
    } else if (unit.getError() != null) {
      String location = unit.getInstanceLocation() == null ? "" : unit.getInstanceLocation();
      String field = location.replaceFirst("^#?/?", "").replace('/', '.');
      errors.add(new FieldError(field.isEmpty() ? "body" : field, unit.getError()));
    }
  }
}
