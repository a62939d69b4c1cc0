import { gattCharacteristics, gattServices, parseBloodPressure, parsePlxContinuous, parsePlxSpotCheck, parseWeight, type DeviceReading } from '../gatt.ts';
import type { DeviceKind } from '../programme.ts';

/**
 * Reading a measurement from a Bluetooth device in the browser (Web Bluetooth, Chromium on
 * desktop and Android). The page offers it only where navigator.bluetooth exists. The device
 * sends its measurement as an indication (blood pressure, weight, PLX spot check) or a
 * notification (PLX continuous); the first one that arrives is taken.
 */
type Characteristic = EventTarget & { value?: DataView; startNotifications: () => Promise<unknown> };
type Bluetooth = {
  requestDevice: (options: { filters: { services: number[] }[] }) => Promise<{
    name?: string;
    gatt?: { connect: () => Promise<{ getPrimaryService: (uuid: number) => Promise<{ getCharacteristic: (uuid: number) => Promise<Characteristic> }> }>; disconnect: () => void };
  }>;
};

export function bluetoothAvailable(): boolean {
  return typeof navigator !== 'undefined' && 'bluetooth' in navigator;
}

const profiles: Record<DeviceKind, { service: number; characteristics: { uuid: number; parse: (value: DataView) => DeviceReading }[] }> = {
  blood_pressure: { service: gattServices.bloodPressure, characteristics: [{ uuid: gattCharacteristics.bloodPressureMeasurement, parse: parseBloodPressure }] },
  weight_scale: { service: gattServices.weightScale, characteristics: [{ uuid: gattCharacteristics.weightMeasurement, parse: parseWeight }] },
  pulse_oximeter: {
    service: gattServices.pulseOximeter,
    characteristics: [
      { uuid: gattCharacteristics.plxSpotCheck, parse: parsePlxSpotCheck },
      { uuid: gattCharacteristics.plxContinuous, parse: parsePlxContinuous },
    ],
  },
};

export async function readFromDevice(kind: DeviceKind, timeoutMs = 90_000): Promise<{ reading: DeviceReading; deviceName: string }> {
  const bluetooth = (navigator as unknown as { bluetooth: Bluetooth }).bluetooth;
  const profile = profiles[kind];
  const device = await bluetooth.requestDevice({ filters: [{ services: [profile.service] }] });
  if (!device.gatt) throw new Error('GATT unavailable');
  const server = await device.gatt.connect();
  try {
    const service = await server.getPrimaryService(profile.service);
    return await new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('timeout')), timeoutMs);
      let subscribed = 0;
      for (const { uuid, parse } of profile.characteristics) {
        service
          .getCharacteristic(uuid)
          .then(async (characteristic) => {
            characteristic.addEventListener('characteristicvaluechanged', () => {
              if (!characteristic.value) return;
              clearTimeout(timer);
              try {
                resolve({ reading: parse(characteristic.value), deviceName: device.name ?? kind });
              } catch (error) {
                reject(error);
              }
            });
            await characteristic.startNotifications();
            subscribed++;
          })
          .catch((error: unknown) => {
            if (subscribed === 0 && uuid === profile.characteristics.at(-1)!.uuid) reject(error);
          });
      }
    });
  } finally {
    device.gatt.disconnect();
  }
}
