import { Router } from 'express'
import { CameraStateRequest, DeviceIdParam, FixBatch, FixBatches } from '../../../contract'
import type { DeviceCommands } from '../commands/devices'
import { allow } from './auth'
import { parseOr400 } from './errors'
import { noQuery } from './noQuery'

/** Patrol fixes and camera states, from devices, grid workers' phones and the simulator. */
export function devicesRouter(devices: DeviceCommands): Router {
  const router = Router()
  router.post('/patrols/fixes', allow('patrol_fixes'), noQuery, async (req, res) => {
    res.status(202).json(await devices.fixesOfMany(parseOr400(FixBatches, req.body, 'body'), req.caller!))
  })
  router.post('/patrols/:id/fixes', allow('patrol_fixes'), noQuery, async (req, res) => {
    const { id } = parseOr400(DeviceIdParam, req.params, 'path')
    const batch = parseOr400(FixBatch, req.body, 'body')
    res.status(202).json(await devices.fixes(id, batch, req.caller!))
  })
  router.post('/cameras/:id/state', allow('camera_state'), noQuery, async (req, res) => {
    const { id } = parseOr400(DeviceIdParam, req.params, 'path')
    res.json(await devices.cameraState(id, parseOr400(CameraStateRequest, req.body, 'body'), req.caller!))
  })
  return router
}
