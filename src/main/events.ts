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

  /** Listens to one event; returns the function that stops listening. */
  on<E extends EventName>(event: E, listener: (payload: PayloadOf<E>) => void): () => void {
    return this.attach((e, payload) => {
      if (e === event) listener(payload as PayloadOf<E>);
    });
  }

  /** Attaches a sink; returns the function that detaches it. */
  attach(sink: EventSink): () => void {
    this.sinks.add(sink);
    return () => this.sinks.delete(sink);
  }
}
