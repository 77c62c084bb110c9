import type { ChannelName, Contract } from '../../shared/contract';
import type { z } from 'zod';
import type { HandlerContext } from './context';

export type Handler<K extends ChannelName> = (
  input: z.output<Contract[K]['input']>,
  ctx: HandlerContext,
) => z.input<Contract[K]['output']> | Promise<z.input<Contract[K]['output']>>;

export type HandlerMap = { [K in ChannelName]: Handler<K> };
