import { createLogger, withLogger } from './logger.js';

const loggerWithLines = () => {
  const lines: Record<string, unknown>[] = [];
  const logger = createLogger({
    service: 'things-lambda',
    write: (line) => lines.push(JSON.parse(line) as Record<string, unknown>),
    now: () => new Date('2026-12-01T10:00:00.000Z'),
  });
  return { logger, lines };
};

describe('the Lambda logger', () => {
  it('writes one JSON line per entry in the one shape, fields after the standard keys', () => {
    const { logger, lines } = loggerWithLines();
    logger.warn('denied', { keyFingerprint: 'a1b2c3d4' });
    expect(lines).toEqual([
      {
        level: 'WARN',
        message: 'denied',
        timestamp: '2026-12-01T10:00:00.000Z',
        service: 'things-lambda',
        cold_start: true,
        keyFingerprint: 'a1b2c3d4',
      },
    ]);
    expect(Object.keys(lines[0] ?? {}).slice(0, 5)).toEqual([
      'level',
      'message',
      'timestamp',
      'service',
      'cold_start',
    ]);
  });

  it('spells the levels as Powertools does', () => {
    const { logger, lines } = loggerWithLines();
    logger.info('a');
    logger.warn('b');
    logger.error('c');
    expect(lines.map((line) => line['level'])).toEqual(['INFO', 'WARN', 'ERROR']);
  });

  it('lets no field overwrite a standard key', () => {
    const { logger, lines } = loggerWithLines();
    logger.error('real', { level: 'INFO', message: 'forged', service: 'other' });
    expect(lines[0]).toEqual(
      expect.objectContaining({ level: 'ERROR', message: 'real', service: 'things-lambda' }),
    );
  });

  it('marks the first invocation as the cold start and carries each request id', async () => {
    const { logger, lines } = loggerWithLines();
    const handler = withLogger(logger, async (event: string) => {
      logger.info(event);
      return event.length;
    });
    await expect(handler('first', { awsRequestId: 'req-1' })).resolves.toBe(5);
    await handler('second', { awsRequestId: 'req-2' });
    expect(
      lines.map(({ message, cold_start, function_request_id }) => ({
        message,
        cold_start,
        function_request_id,
      })),
    ).toEqual([
      { message: 'first', cold_start: true, function_request_id: 'req-1' },
      { message: 'second', cold_start: false, function_request_id: 'req-2' },
    ]);
  });

  it('writes to stdout by default', () => {
    const write = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
    try {
      createLogger({ service: 's' }).info('hello');
      const [line] = write.mock.calls[0] ?? [];
      expect(JSON.parse(String(line))).toEqual(
        expect.objectContaining({ message: 'hello', service: 's' }),
      );
      expect(String(line).endsWith('\n')).toBe(true);
    } finally {
      write.mockRestore();
    }
  });
});
