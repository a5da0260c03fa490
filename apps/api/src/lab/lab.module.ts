import { Module, type DynamicModule } from '@nestjs/common';
import type { SigningKeys } from '../auth/tokens/signing-keys.js';
import type { AppConfig } from '../config/app-config.js';
import { LabController } from './lab.controller.js';
import { IssuedLabTokens } from './issued-lab-tokens.js';
import { KidKeyFolder } from './kid-key-folder.js';
import { createLabKeys, LAB_KEYS } from './lab-keys.js';

/** The attack-and-defend lab. AppModule imports it only in lab mode; otherwise /api/lab is 404. */
@Module({})
export class LabModule {
  static register(config: AppConfig, keys: SigningKeys): DynamicModule {
    const labKeys = createLabKeys(config, keys);
    return {
      module: LabModule,
      controllers: [LabController],
      providers: [
        { provide: LAB_KEYS, useValue: labKeys },
        // Provided on its own so Nest removes its temporary folder when the API stops.
        { provide: KidKeyFolder, useValue: labKeys.kidKey.folder },
        { provide: IssuedLabTokens, useValue: new IssuedLabTokens() },
      ],
    };
  }
}
