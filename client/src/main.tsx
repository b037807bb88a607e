import '@fontsource/noto-sans-sc/400.css'
import '@fontsource/noto-sans-sc/700.css'
import 'maplibre-gl/dist/maplibre-gl.css'
import './styles.css'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { CityMap } from './map/CityMap'

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <CityMap />
  </StrictMode>,
)
