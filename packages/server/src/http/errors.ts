// Every error leaves as {"error":{"code","message"}} with a stable code; nothing else ever
// reaches a user — no stack traces, no SQL, no framework messages in English.
import { AppError, type ErrorCode } from '@paicha/core';
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';

function fromFramework(err: FastifyError): AppError | null {
  if (hasZodFastifySchemaValidationErrors(err)) {
    const details = err.validation.map((v) => ({
      path: v.instancePath || '/',
      message: v.message ?? '格式不正确',
    }));
    return new AppError(
      'validation_failed',
      `请求数据不符合要求：${details.map((d) => `${d.path} ${d.message}`).join('；')}`,
      details,
    );
  }
  const byCode: Partial<Record<string, [ErrorCode, string]>> = {
    FST_ERR_CTP_BODY_TOO_LARGE: ['payload_too_large', '提交的数据过大'],
    FST_ERR_CTP_INVALID_MEDIA_TYPE: ['unsupported_media_type', '不支持的内容类型，请以 JSON 提交'],
    FST_ERR_CTP_EMPTY_JSON_BODY: ['invalid_json', '请求体为空，应为 JSON'],
    FST_ERR_CTP_INVALID_CONTENT_LENGTH: ['bad_request', '请求长度不正确'],
    FST_ERR_VALIDATION: ['validation_failed', '请求数据不符合要求'],
  };
  const mapped = err.code ? byCode[err.code] : undefined;
  if (mapped) return new AppError(mapped[0], mapped[1]);
  if (err instanceof SyntaxError || err.code === 'FST_ERR_CTP_INVALID_JSON_BODY') {
    return new AppError('invalid_json', '请求体不是有效的 JSON');
  }
  if (err.statusCode === 413) return new AppError('payload_too_large', '提交的数据过大');
  if (err.statusCode === 429) return new AppError('rate_limited', '请求过于频繁，请稍后再试');
  if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500)
    return new AppError('bad_request', '请求不正确');
  return null;
}

export function registerErrorHandling(app: FastifyInstance) {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    const appError = err instanceof AppError ? err : fromFramework(err);
    if (appError) {
      if (appError.code === 'rate_limited' && appError.details && typeof appError.details === 'object') {
        const retry = (appError.details as { retryAfterSeconds?: number }).retryAfterSeconds;
        if (retry) reply.header('retry-after', String(retry));
      }
      return reply.status(appError.status).send(appError.toBody());
    }
    request.log.error({ err }, 'unhandled error');
    return reply
      .status(500)
      .send(new AppError('internal', '服务器内部错误，请稍后重试或联系管理员').toBody());
  });
}

/**
 * Errors the router raises before any route or error handler runs (a malformed %-escape, a path
 * segment longer than the router accepts): Fastify answers those with its own English body
 * unless given this.
 */
export function frameworkErrors(err: FastifyError, _request: FastifyRequest, reply: FastifyReply) {
  const message =
    err.code === 'FST_ERR_MAX_PARAM_LENGTH'
      ? '网址中的参数过长'
      : err.code === 'FST_ERR_BAD_URL'
        ? '网址格式不正确'
        : '请求不正确';
  return reply.status(400).send(new AppError('bad_request', message).toBody());
}
