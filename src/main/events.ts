import type { EventName, PayloadOf } from '../shared/contract/index';

/** A listener that receives every event the core emits. */
export type EventSink = (event: EventName, payload: unknown) => void;

/** Fan-out of core events to whichever hosts are attached (Electron windows, SSE clients, tests). */
export class EventBus {
  private readonly sinks = new Set<EventSink>();

  /** Sends an event to every attached sink. */
  emit<E extends EventName>(event: E, payload: PayloadOf<E>): void {
    for (const sink of this.sinks) sink(event, payload);
  }

  /** Attaches a sink; returns the function that detaches it. */
  attach(sink: EventSink): () => void {
    this.sinks.add(sink);
    return () => this.sinks.delete(sink);
  }
}
